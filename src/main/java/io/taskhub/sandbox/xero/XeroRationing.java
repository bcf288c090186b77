package io.taskhub.sandbox.xero;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.taskhub.sandbox.Refusal;
import io.taskhub.sandbox.RationingTransformer;

/** Xero rations each organisation, named by the {@code xero-tenant-id} of an accounting API call. */
final class XeroRationing implements RationingTransformer.Provider {

    @Override
    public String tenantOf(Request request) {
        return request.getUrl().startsWith(XeroApiTransformer.API) ? request.getHeader("xero-tenant-id") : null;
    }

    /** Xero's 429: an empty body, the wait in {@code Retry-After} and the limit in {@code X-Rate-Limit-Problem}. */
    @Override
    public ResponseDefinition refusal(Refusal refusal) {
        return new ResponseDefinitionBuilder().withStatus(429)
                .withHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()))
                .withHeader("X-Rate-Limit-Problem", refusal.limit() == Refusal.Limit.AT_ONCE ? "concurrent" : "minute")
                .build();
    }
}
