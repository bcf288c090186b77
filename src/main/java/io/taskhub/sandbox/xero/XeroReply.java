package io.taskhub.sandbox.xero;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An HTTP answer of the simulated Xero, independent of WireMock. A null body means an empty one. */
record XeroReply(int status, Map<String, String> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();
    /** No answer at all: the connection is reset after the request was carried out. */
    static final XeroReply DROPPED = new XeroReply(0, Map.of(), null);

    static XeroReply json(int status, Object value) {
        try {
            return new XeroReply(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                    JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static XeroReply empty(int status) {
        return new XeroReply(status, Map.of(), null);
    }

    /** The problem shape Xero's API gateway answers 401 and 403 with. */
    static XeroReply problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Type", null);
        body.put("Title", title);
        body.put("Status", status);
        body.put("Detail", detail);
        body.put("Instance", UUID.randomUUID().toString());
        body.put("Extensions", Map.of());
        return json(status, body);
    }

    /** The OAuth error shape of Xero's identity server. */
    static XeroReply oauthError(String error) {
        return json(400, Map.of("error", error));
    }

    boolean dropped() {
        return status == DROPPED.status;
    }

    XeroReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new XeroReply(status, more, body);
    }

    /** Xero's JSON dates: {@code /Date(1419937200000+0000)/}. */
    static String date(long epochMillis) {
        return "/Date(" + epochMillis + "+0000)/";
    }
}
