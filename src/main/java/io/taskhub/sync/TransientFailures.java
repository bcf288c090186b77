package io.taskhub.sync;

import java.io.IOException;
import java.util.function.Predicate;

import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Which failures of a provider call are worth retrying: server errors, throttling and broken connections. A refused
 * login, a bad query or a missing record fail at once.
 */
@Component("transientFailures")
public class TransientFailures implements Predicate<Exchange> {

    @Override
    public boolean test(Exchange exchange) {
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sf) {
                return transientStatus(sf.getStatusCode());
            }
            if (t instanceof HttpOperationFailedException http) {
                return transientStatus(http.getStatusCode());
            }
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean transientStatus(int status) {
        return status == 429 || status == 408 || status >= 500;
    }
}
