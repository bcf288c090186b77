package io.taskhub.sandbox.quickbooks;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.taskhub.sandbox.CatchAllTransformer;

/** The WireMock side: the simulator's catch-all stub hands every request here, and the endpoint answers it. */
final class QuickBooksApiTransformer extends CatchAllTransformer {

    static final String NAME = "quickbooks-simulator";

    private final QuickBooksEndpoint endpoint;

    QuickBooksApiTransformer(QuickBooksEndpoint endpoint) {
        super(NAME);
        this.endpoint = endpoint;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        QuickBooksReply reply;
        try {
            reply = endpoint.serve(request.getMethod().getName(), path(request), query(request),
                    request.getHeader("Authorization"), request.getBodyAsString());
        } catch (RuntimeException e) {
            // a simulator bug must still look like an API answer, not a WireMock page
            reply = QuickBooksReply.fault(500, "SERVICE", "10000", "An application error has occurred while "
                    + "processing your request", "System Failure Error: " + e);
        }
        return render(reply);
    }

    static ResponseDefinition render(QuickBooksReply reply) {
        ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(reply.status());
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        if (reply.body() != null) {
            builder.withBody(reply.body());
        }
        return builder.build();
    }
}
