package io.taskhub.sandbox.quickbooks;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer of the simulated QuickBooks Online, independent of WireMock. A null body means an empty one. */
record QuickBooksReply(int status, Map<String, String> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(QuickBooksGenerator.COMPANY_ZONE);

    static QuickBooksReply json(int status, Object value) {
        try {
            return new QuickBooksReply(status, Map.of("Content-Type", "application/json;charset=UTF-8"),
                    JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An API answer: the payload plus QuickBooks' {@code time}, in the company's offset. */
    static QuickBooksReply answer(Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>(payload);
        body.put("time", now());
        return json(200, body);
    }

    /** QuickBooks' fault shape: {@code {"Fault": {"Error": [...], "type": ...}, "time": ...}}. */
    static QuickBooksReply fault(int status, String type, String code, String message, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("Message", message);
        error.put("Detail", detail);
        error.put("code", code);
        error.put("element", "");
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("Error", List.of(error));
        fault.put("type", type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Fault", fault);
        body.put("time", now());
        return json(status, body);
    }

    /** The authentication layer's own shape, in lower case: {@code {"fault": {"error": [...]}}}. */
    static QuickBooksReply unauthorized(String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "message=AuthenticationFailed; errorCode=003200; statusCode=401");
        error.put("detail", detail);
        error.put("code", "3200");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fault", Map.of("error", List.of(error), "type", "AUTHENTICATION"));
        body.put("time", now());
        return json(401, body).withHeader("WWW-Authenticate", "Bearer realm=\"Intuit\"");
    }

    /** The OAuth error shape of Intuit's token endpoint. */
    static QuickBooksReply oauthError(int status, String error) {
        return json(status, Map.of("error", error));
    }

    QuickBooksReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new QuickBooksReply(status, more, body);
    }

    static String now() {
        return TIME.format(Instant.now());
    }
}
