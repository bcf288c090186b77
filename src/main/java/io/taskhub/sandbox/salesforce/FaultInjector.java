package io.taskhub.sandbox.salesforce;

import io.taskhub.sandbox.PlannedAnswers;

import java.nio.charset.StandardCharsets;

/** Planned failures for the next query requests, consumed in the order they were planned. */
final class FaultInjector {

    private final PlannedAnswers<ApiResponse> planned = new PlannedAnswers<>();

    void plan(int count, int status, String body) {
        if (count < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("count must be >= 0 and status a valid HTTP status");
        }
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        planned.plan(count, new ApiResponse(status, bytes));
    }

    /** The planned answer for this request, or null to serve it normally. */
    ApiResponse next() {
        return planned.next();
    }

    void clear() {
        planned.clear();
    }
}
