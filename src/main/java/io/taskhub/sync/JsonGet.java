package io.taskhub.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A GET of a provider's JSON API, built on a cleared message: only these headers go out, nothing of the previous
 * answer or request. camel-http is told the URL by the {@code CamelHttpUri} header, never in its endpoint URI.
 */
public final class JsonGet {

    private JsonGet() {
    }

    /** {@code authorization} is the whole header value ({@code Basic ...}, {@code Bearer ...}). */
    public static Message prepare(Message message, String url, String authorization) {
        FreshRequest.clear(message);
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_URI, url);
        message.setHeader("Authorization", authorization);
        message.setHeader("Accept", "application/json");
        return message;
    }
}
