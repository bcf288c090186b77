package io.taskhub.sync;

import java.io.IOException;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Which failures of a provider call are worth retrying, used by the {@code sync-errors} route configuration:
 * throttling (retried after the provider's Retry-After), server errors and broken connections (retried with
 * back-off). A refused login, a bad query, a missing record or a daily quota fail at once.
 */
@Component("transientFailures")
public class TransientFailures {

    /** A 429 the provider expects us to wait out; a daily quota (Xero's {@code X-Rate-Limit-Problem: day}) is not. */
    public boolean throttled(Exchange exchange) {
        HttpOperationFailedException http = Causes.find(error(exchange), HttpOperationFailedException.class);
        return http != null && http.getStatusCode() == 429 && !"day".equalsIgnoreCase(header(http, "X-Rate-Limit-Problem"));
    }

    public boolean serverTrouble(Exchange exchange) {
        Throwable error = error(exchange);
        SalesforceException salesforce = Causes.find(error, SalesforceException.class);
        if (salesforce != null) {
            int status = salesforce.getStatusCode();
            return status == 408 || status >= 500 || tooManyAtOnce(salesforce);
        }
        HttpOperationFailedException http = Causes.find(error, HttpOperationFailedException.class);
        if (http != null) {
            return http.getStatusCode() == 408 || http.getStatusCode() >= 500;
        }
        return Causes.find(error, IOException.class) != null;
    }

    /**
     * Salesforce's limit of long-running requests at once per org (403 REQUEST_LIMIT_EXCEEDED, ConcurrentRequests)
     * clears as the org's other requests end; its daily API limit (TotalRequests) does not, and fails the run.
     */
    private static boolean tooManyAtOnce(SalesforceException salesforce) {
        return salesforce.getStatusCode() == 403 && salesforce.getErrors() != null && salesforce.getErrors().stream()
                .anyMatch(e -> "REQUEST_LIMIT_EXCEEDED".equals(e.getErrorCode())
                        && e.getMessage() != null && e.getMessage().contains("ConcurrentRequests"));
    }

    /** onWhen sees the failure as the caught exception, not as the exchange's current one. */
    private static Throwable error(Exchange exchange) {
        Throwable current = exchange.getException();
        return current != null ? current : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /** A response header of a failed HTTP call, whatever its case. */
    public static String header(HttpOperationFailedException http, String name) {
        Map<String, String> headers = http.getResponseHeaders();
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
