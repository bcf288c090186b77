package io.taskhub.security;

import org.apache.camel.Exchange;

/** Who sent the REST request being routed (Camel routes it on another thread than the servlet's). */
public final class Caller {

    private Caller() {
    }

    public static HubPrincipal of(Exchange exchange) {
        HubPrincipal caller = BoundRequest.of(exchange).caller();
        if (caller == null) {
            throw new IllegalStateException("request without an authenticated hub user");
        }
        return caller;
    }
}
