package io.taskhub.sandbox.salesforce;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.taskhub.sandbox.Refusal;
import io.taskhub.sandbox.RationingTransformer;

/**
 * Salesforce rations each org; a REST API call names its org by the session it carries, whose access token starts
 * with the 15-character org id.
 */
final class SalesforceRationing implements RationingTransformer.Provider {

    private static final String API = "/services/data/";

    @Override
    public String tenantOf(Request request) {
        String authorization = request.getHeader("Authorization");
        if (!request.getUrl().startsWith(API) || authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        int bang = authorization.indexOf('!');
        return space < 0 || bang < space ? null : authorization.substring(space + 1, bang).trim();
    }

    /**
     * What the REST API answers over an org's limits: 403 REQUEST_LIMIT_EXCEEDED, naming the limit, and no
     * Retry-After (Salesforce sends none).
     */
    @Override
    public ResponseDefinition refusal(Refusal refusal) {
        String message = refusal.limit() == Refusal.Limit.AT_ONCE
                ? "ConcurrentRequests (Concurrent API Requests) Limit exceeded." : "TotalRequests Limit exceeded.";
        ApiResponse response = ApiResponse.error(403, "REQUEST_LIMIT_EXCEEDED", message);
        return new ResponseDefinitionBuilder().withStatus(response.status())
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(response.body()).build();
    }
}
