package io.taskhub.security;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * Who sent the REST request being routed. Camel routes it on another thread than the servlet's, so the
 * thread-bound security context is gone: {@link AccountAccessFilter} leaves the principal on the request.
 */
public final class Caller {

    static final String ATTRIBUTE = HubPrincipal.class.getName();

    private Caller() {
    }

    public static HubPrincipal of(Exchange exchange) {
        Object principal = exchange.getIn(PlatformHttpMessage.class).getRequest().getAttribute(ATTRIBUTE);
        if (principal instanceof HubPrincipal hub) {
            return hub;
        }
        throw new IllegalStateException("request without an authenticated hub user");
    }
}
