package io.taskhub.provider.quickbooks;

import java.util.Map;

import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.OAuthApi;
import io.taskhub.provider.oauth.OAuthSession;
import io.taskhub.sync.SyncContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The company a sync's QuickBooks endpoint ({@code quickbooks-call}) talks to, and the steps around it besides the
 * Bearer token: the request in headers, and the answer read as QuickBooks means it ({@link QuickBooksCalls#read}).
 */
@Component("quickbooksSession")
public class QuickBooksSession implements OAuthApi {

    private final QuickBooksCalls calls;

    public QuickBooksSession(QuickBooksCalls calls) {
        this.calls = calls;
    }

    @Override
    public OAuthSession session(long integrationId, Provider.Connection connection) {
        return new OAuthSession(integrationId, calls.tokenEndpoint(connection), calls.apiUrl(connection), Map.of());
    }

    /** Body: a {@link QuickBooksRequest}, sent on the message the Bearer step cleared and authorized. */
    public void request(Exchange exchange) {
        QuickBooksRequest request = exchange.getIn().getBody(QuickBooksRequest.class);
        calls.address(exchange.getIn(), OAuthSession.of(exchange).apiUrl(), request);
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
