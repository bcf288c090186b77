package io.taskhub.provider.xero;

import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.oauth.BearerAuthorization;
import io.taskhub.provider.oauth.OAuthSession;
import io.taskhub.sync.Causes;
import io.taskhub.sync.TransientFailures;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * What a Xero sync that failed on an HTTP answer tells its run: the answers a person can act on get words, the
 * rest passes through as it is. Throttling, server errors and a first 401 (with a fresh access token) were retried
 * before this is reached (sync-errors).
 */
@Component("xeroFailures")
public class XeroFailures {

    private final BearerAuthorization bearer;

    public XeroFailures(BearerAuthorization bearer) {
        this.bearer = bearer;
    }

    public void explain(Exchange exchange) throws Exception {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        HttpOperationFailedException http = Causes.find(error, HttpOperationFailedException.class);
        if (http == null) {
            throw error;
        }
        String problem = TransientFailures.header(http, "X-Rate-Limit-Problem");
        switch (http.getStatusCode()) {
            case 429 -> throw new XeroLimitReached("day".equalsIgnoreCase(problem)
                    ? "Xero daily API limit reached" + wait(http) + ": the next sync carries on from where this one stopped"
                    : "Xero kept answering 429 (" + (problem == null ? "rate" : problem) + " limit) after every wait");
            case 401 -> {
                bearer.discardAccessToken(exchange);
                throw new IllegalStateException("Xero refused the access token (401): the next sync asks for a new one");
            }
            case 403 -> throw disconnected(exchange);
            default -> throw error;
        }
    }

    /** A 403: the organisation the exchange's calls went to disconnected the app. */
    static ProviderRejection disconnected(Exchange exchange) {
        return new ProviderRejection("Xero refused access to organisation "
                + OAuthSession.of(exchange).headers().get(XeroSession.TENANT_HEADER)
                + " (403): the app is no longer connected to it; re-enable the integration");
    }

    private static String wait(HttpOperationFailedException http) {
        String retryAfter = TransientFailures.header(http, "Retry-After");
        try {
            long minutes = Math.max(1, Long.parseLong(retryAfter.trim()) / 60);
            return " (Xero takes calls again in about " + minutes + " min)";
        } catch (RuntimeException notSeconds) {
            return "";
        }
    }
}
