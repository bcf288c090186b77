package io.taskhub.sandbox.insightly;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.taskhub.sandbox.CatchAllTransformer;
import io.taskhub.sandbox.FormEncoding;

/** The WireMock side: the simulator's catch-all stub hands every request here, and the endpoint answers it. */
final class InsightlyApiTransformer extends CatchAllTransformer {

    static final String NAME = "insightly-simulator";

    private final InsightlyEndpoint endpoint;
    private volatile int delayMillis;

    InsightlyApiTransformer(InsightlyEndpoint endpoint) {
        super(NAME);
        this.endpoint = endpoint;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        InsightlyAnswer answer;
        try {
            answer = endpoint.serve(request.getMethod().getName(), path(request), parseQuery(query(request)),
                    request.getHeader("Authorization"), request.getBodyAsString());
        } catch (RuntimeException e) {
            // a simulator bug must still look like an API answer, not a WireMock page
            answer = InsightlyAnswer.error(500, "An error has occurred: " + e);
        }
        ResponseDefinitionBuilder builder = response(answer);
        if (delayMillis > 0) {
            builder.withFixedDelay(delayMillis);
        }
        return builder.build();
    }

    static ResponseDefinitionBuilder response(InsightlyAnswer answer) {
        ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(answer.status());
        answer.headers().forEach(builder::withHeader);
        if (answer.body() != null) {
            builder.withHeader("Content-Type", "application/json; charset=utf-8").withBody(answer.body());
        }
        return builder;
    }

    void delay(int millis) {
        delayMillis = millis;
    }

    /**
     * Query parameters, decoded ('+' is a space), names in lower case as Insightly matches them; the first of a
     * repeated name wins, whatever its case.
     */
    static Map<String, String> parseQuery(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        FormEncoding.parse(text).forEach((name, value) -> params.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        return params;
    }
}
