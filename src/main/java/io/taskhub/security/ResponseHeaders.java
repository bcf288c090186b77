package io.taskhub.security;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * The headers an answer of the hub's Camel HTTP endpoints (the REST API, webhooks, the OpenAPI document) may carry:
 * only those the hub sets on purpose. Camel maps a request's headers and query parameters onto the exchange, and its
 * HTTP binding would write every one of them back: the caller's Authorization and Cookie echoed, and any query
 * parameter a response header of the caller's choosing (Set-Cookie, Access-Control-Allow-Origin, Location). Spring
 * Security's own headers are written by the servlet filters, not here. Requests are filtered as Camel's default does.
 */
@Component("responseHeaders")
public class ResponseHeaders extends HttpHeaderFilterStrategy {

    /** Content-Type of every answer; Retry-After of a 503 (api/ProblemResponder). */
    static final Set<String> ANSWERED = Set.of("content-type", "retry-after");

    /** True: the header stays out of the answer. */
    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        return !ANSWERED.contains(name.toLowerCase(Locale.ROOT));
    }
}
