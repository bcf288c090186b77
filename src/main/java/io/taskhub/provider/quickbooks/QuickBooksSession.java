package io.taskhub.provider.quickbooks;

import io.taskhub.sync.FreshRequest;
import io.taskhub.sync.SyncContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The two steps around a sync's QuickBooks endpoint ({@code quickbooks-call}): the request in fresh headers, and
 * the answer read as QuickBooks means it ({@link QuickBooksCalls#read}). The company is the sync's integration.
 */
@Component("quickbooksSession")
public class QuickBooksSession {

    private final QuickBooksCalls calls;

    public QuickBooksSession(QuickBooksCalls calls) {
        this.calls = calls;
    }

    /** Body: a {@link QuickBooksRequest}. Nothing of a previous answer travels; the Bearer token is rotated when due. */
    public void authorize(Exchange exchange) {
        QuickBooksRequest request = exchange.getIn().getBody(QuickBooksRequest.class);
        FreshRequest.clear(exchange.getIn());
        calls.prepare(exchange.getIn(), company(exchange), request);
    }

    /** The answer stays the body, as text: faults (even in a 200) fail, throttling is retried, a refused token too. */
    public void answer(Exchange exchange) {
        Message reply = exchange.getMessage();
        reply.setBody(reply.getBody(String.class));   // read here, and again by the step after
        calls.read(company(exchange), reply);
    }

    private QuickBooksCalls.Company company(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        return calls.company(sync.integrationId(), sync.connection());
    }
}
