package io.taskhub.sandbox.insightly;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.taskhub.sandbox.Refusal;
import io.taskhub.sandbox.RationingTransformer;

/** Insightly rations each API key, the user name of a call's HTTP Basic header. */
final class InsightlyRationing implements RationingTransformer.Provider {

    @Override
    public String tenantOf(Request request) {
        return InsightlyEndpoint.user(request.getHeader("Authorization"));
    }

    /** Insightly's 429: its {@code {"Message": ...}} error, the wait in {@code Retry-After}. */
    @Override
    public ResponseDefinition refusal(Refusal refusal) {
        return InsightlyApiTransformer.response(InsightlyFaults.throttled(refusal.retryAfterSeconds())).build();
    }
}
