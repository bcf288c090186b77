package io.taskhub.sandbox.insightly;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One HTTP answer of the simulated API: status, JSON body (or none) and extra headers. */
record InsightlyAnswer(int status, byte[] body, Map<String, String> headers) {

    static final ObjectMapper JSON = new ObjectMapper();

    static InsightlyAnswer json(Object value, Map<String, String> headers) {
        try {
            return new InsightlyAnswer(200, JSON.writeValueAsBytes(value), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer", e);
        }
    }

    /** Insightly's error shape: {@code {"Message": "..."}}. */
    static InsightlyAnswer error(int status, String message) {
        return error(status, message, Map.of());
    }

    static InsightlyAnswer error(int status, String message, Map<String, String> headers) {
        try {
            return new InsightlyAnswer(status, JSON.writeValueAsBytes(Map.of("Message", message)), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer", e);
        }
    }
}
