package io.taskhub.sandbox.quickbooks;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** The WireMock side: the simulator's catch-all stub hands every request here, and the endpoint answers it. */
final class QuickBooksApiTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "quickbooks-simulator";

    private final QuickBooksEndpoint endpoint;

    QuickBooksApiTransformer(QuickBooksEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only the simulator's own stub uses this transformer. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String url = request.getUrl();
        int question = url.indexOf('?');
        QuickBooksReply reply;
        try {
            reply = endpoint.serve(request.getMethod().getName(), question < 0 ? url : url.substring(0, question),
                    question < 0 ? "" : url.substring(question + 1), request.getHeader("Authorization"),
                    request.getBodyAsString());
        } catch (RuntimeException e) {
            // a simulator bug must still look like an API answer, not a WireMock page
            reply = QuickBooksReply.fault(500, "SERVICE", "10000", "An application error has occurred while "
                    + "processing your request", "System Failure Error: " + e);
        }
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
