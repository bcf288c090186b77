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

    static void noContent(Exchange exchange) {
        status(exchange, 204, null);
    }

    private static <T> T status(Exchange exchange, int status, T body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return body;
    }
}
