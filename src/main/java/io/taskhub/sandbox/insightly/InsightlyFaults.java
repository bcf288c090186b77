package io.taskhub.sandbox.insightly;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** Planned failures for the next authenticated API requests, served in the order they were planned. */
final class InsightlyFaults {

    private static final class Planned {
        final InsightlyAnswer answer;
        int remaining;

        Planned(InsightlyAnswer answer, int remaining) {
            this.answer = answer;
            this.remaining = remaining;
        }
    }

    private final Deque<Planned> planned = new ArrayDeque<>();

    /** 429 Too Many Requests, asking to wait {@code seconds}. */
    synchronized void throttle(int count, int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        plan(count, InsightlyAnswer.error(429, "API rate limit exceeded. Try again in " + seconds + " seconds.",
                Map.of("Retry-After", String.valueOf(seconds))));
    }

    synchronized void fail(int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure needs a 4xx or 5xx status");
        }
        plan(count, InsightlyAnswer.error(status, "An error has occurred."));
    }

    /** The planned answer for this request, or null to serve it normally. */
    synchronized InsightlyAnswer next() {
        Planned head = planned.peekFirst();
        if (head == null) {
            return null;
        }
        if (--head.remaining == 0) {
            planned.removeFirst();
        }
        return head.answer;
    }

    synchronized void clear() {
        planned.clear();
    }

    private void plan(int count, InsightlyAnswer answer) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        if (count > 0) {
            planned.addLast(new Planned(answer, count));
        }
    }
}
