package io.taskhub.sandbox.salesforce;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.taskhub.sandbox.CatchAllTransformer;
import io.taskhub.sandbox.FormEncoding;

import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WireMock side: a catch-all stub hands every request here, and this routes it to the stateful endpoints.
 * Only HTTP plumbing lives here, so the endpoints stay testable without WireMock.
 */
final class SalesforceApiTransformer extends CatchAllTransformer {

    static final String NAME = "salesforce-simulator";

    private static final Pattern DATA_PATH = Pattern.compile("/services/data/v(\\d+\\.\\d+)/(query|queryAll)(?:/(.*))?");

    private final OAuthService oauth;
    private final QueryEndpoint queries;
    private final BulkQueryJobs bulkJobs;
    private final SimulatorMetrics metrics;
    private final IntSupplier apiUsage;
    private volatile int tokenDelayMillis;

    SalesforceApiTransformer(OAuthService oauth, QueryEndpoint queries, BulkQueryJobs bulkJobs,
                             SimulatorMetrics metrics) {
        super(NAME);
        this.oauth = oauth;
        this.queries = queries;
        this.bulkJobs = bulkJobs;
        this.metrics = metrics;
        this.apiUsage = metrics.queryRequests::get;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        ApiResponse response;
        try {
            response = route(request);
        } catch (RuntimeException e) {
            // A simulator bug must still look like a Salesforce answer, not a WireMock HTML page.
            response = ApiResponse.error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred: " + e);
        }
        ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(response.status())
                .withHeader("Sforce-Limit-Info", "api-usage=" + apiUsage.getAsInt() + "/1000000");
        if (tokenDelayMillis > 0 && path(request).startsWith("/services/oauth2/token")) {
            builder.withFixedDelay(tokenDelayMillis);
        }
        if (response.body() != null) {
            builder.withHeader("Content-Type", response.headers().getOrDefault("Content-Type",
                    "application/json;charset=UTF-8")).withBody(response.body());
        }
        response.headers().forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                builder.withHeader(name, value);
            }
        });
        if (response.location() != null) {
            builder.withHeader("Location", response.location());
        }
        return builder.build();
    }

    void delayTokens(int millis) {
        tokenDelayMillis = millis;
    }

    private ApiResponse route(Request request) {
        String path = path(request);
        String query = query(request);
        RequestMethod method = request.getMethod();
        if (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/services/oauth2/token") && method.equals(RequestMethod.POST)) {
            metrics.tokenRequests.incrementAndGet();
            Map<String, String> params = FormEncoding.parse(query);
            params.putAll(FormEncoding.parse(request.getBodyAsString()));
            return oauth.token(params);
        }
        if (path.equals("/services/oauth2/authorize") && method.equals(RequestMethod.GET)) {
            return oauth.authorize(FormEncoding.parse(query));
        }
        if (path.equals("/services/oauth2/revoke")
                && (method.equals(RequestMethod.POST) || method.equals(RequestMethod.GET))) {
            Map<String, String> params = FormEncoding.parse(query);
            if (method.equals(RequestMethod.POST)) {
                params.putAll(FormEncoding.parse(request.getBodyAsString()));
            }
            return oauth.revoke(params.get("token"));
        }
        Matcher data = DATA_PATH.matcher(path);
        if (data.matches() && method.equals(RequestMethod.GET)) {
            String version = data.group(1);
            String authorization = request.getHeader("Authorization");
            String options = request.getHeader("Sforce-Query-Options");
            String locator = data.group(3);
            if (locator == null || locator.isEmpty()) {
                String soql = FormEncoding.parse(query).get("q");
                return queries.query(version, soql, data.group(2).equals("queryAll"), authorization, options);
            }
            return queries.queryMore(version, locator, authorization, options);
        }
        Matcher bulk = BulkQueryJobs.PATH.matcher(path);
        if (bulk.matches()) {
            return bulkJobs.handle(method.getName(), bulk, FormEncoding.parse(query), request.getBodyAsString(),
                    request.getHeader("Authorization"));
        }
        return ApiResponse.error(404, "NOT_FOUND", "The requested resource does not exist");
    }
}
