package io.taskhub.sandbox.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * An HTTP answer of the simulated API, independent of WireMock. A null body means an empty one; a location makes it
 * a redirect. Headers are the answer's own beyond those every answer has (a CSV answer names its Content-Type).
 */
record ApiResponse(int status, byte[] body, String location, Map<String, String> headers) {

    ApiResponse(int status, byte[] body) {
        this(status, body, null, Map.of());
    }

    ApiResponse(int status, byte[] body, String location) {
        this(status, body, location, Map.of());
    }

    static ApiResponse redirect(String location) {
        return new ApiResponse(302, null, location);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static ApiResponse json(int status, Object value) {
        try {
            return new ApiResponse(status, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The REST API's error shape: a JSON array with one {message, errorCode} object. */
    static ApiResponse error(int status, String errorCode, String message) {
        return json(status, List.of(Map.of("message", message, "errorCode", errorCode)));
    }

    static ApiResponse error(SalesforceApiException e) {
        return error(e.status(), e.errorCode(), e.getMessage());
    }
}
