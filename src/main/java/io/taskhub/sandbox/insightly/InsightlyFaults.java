package io.taskhub.sandbox.insightly;

import java.util.Map;

import io.taskhub.sandbox.PlannedAnswers;

/** Planned failures for the next authenticated API requests, served in the order they were planned. */
final class InsightlyFaults {

    private final PlannedAnswers<InsightlyAnswer> planned = new PlannedAnswers<>();

    /** 429 Too Many Requests, asking to wait {@code seconds}. */
    void throttle(int count, int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        plan(count, throttled(seconds));
    }

    static InsightlyAnswer throttled(long seconds) {
        return InsightlyAnswer.error(429, "API rate limit exceeded. Try again in " + seconds + " seconds.",
                Map.of("Retry-After", String.valueOf(seconds)));
    }

    void fail(int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure needs a 4xx or 5xx status");
        }
        plan(count, InsightlyAnswer.error(status, "An error has occurred."));
    }

    /** The planned answer for this request, or null to serve it normally. */
    InsightlyAnswer next() {
        return planned.next();
    }

    void clear() {
        planned.clear();
    }

    private void plan(int count, InsightlyAnswer answer) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        planned.plan(count, answer);
    }
}
