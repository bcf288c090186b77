package io.taskhub.sandbox.quickbooks;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.taskhub.sandbox.Refusal;
import io.taskhub.sandbox.RationingTransformer;

/** QuickBooks Online rations each company, named by the realm id in {@code /v3/company/{realmId}/...}. */
final class QuickBooksRationing implements RationingTransformer.Provider {

    @Override
    public String tenantOf(Request request) {
        String url = request.getUrl();
        if (!url.startsWith(QuickBooksEndpoint.COMPANY_PREFIX)) {
            return null;
        }
        String rest = url.substring(QuickBooksEndpoint.COMPANY_PREFIX.length());
        return rest.split("[/?]", 2)[0];
    }

    /** The throttling fault (code 3001) in a 429, with the wait in {@code Retry-After}. */
    @Override
    public ResponseDefinition refusal(Refusal refusal) {
        return QuickBooksApiTransformer.render(QuickBooksSimulator.throttled(429)
                .withHeader("Retry-After", Long.toString(refusal.retryAfterSeconds())));
    }
}
