package io.taskhub.api;

import org.apache.camel.Exchange;

/** Status codes other than 200, set on the REST exchange. */
final class Http {

    private Http() {
    }

    static <T> T created(Exchange exchange, T body) {
        return status(exchange, 201, body);
    }

    static <T> T accepted(Exchange exchange, T body) {
        return status(exchange, 202, body);
    }

    /**
     * 204 with no body at all: what came in must not go back out (a request sent without Content-Length leaves
     * its empty stream as the body, and writing it after a 204 failed the answer with a 500).
     */
    static void noContent(Exchange exchange) {
        exchange.getMessage().setBody(null);
        status(exchange, 204, null);
    }

    private static <T> T status(Exchange exchange, int status, T body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return body;
    }
}
