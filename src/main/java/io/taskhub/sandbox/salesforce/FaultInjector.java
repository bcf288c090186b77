package io.taskhub.sandbox.salesforce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Planned failures for the next query requests, consumed in the order they were planned. */
final class FaultInjector {

    private static final class Planned {
        final ApiResponse response;
        int remaining;

        Planned(ApiResponse response, int remaining) {
            this.response = response;
            this.remaining = remaining;
        }
    }

    private final Deque<Planned> planned = new ArrayDeque<>();

    synchronized void plan(int count, int status, String body) {
        if (count < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("count must be >= 0 and status a valid HTTP status");
        }
        if (count > 0) {
            byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            planned.addLast(new Planned(new ApiResponse(status, bytes), count));
        }
    }

    /** The planned answer for this request, or null to serve it normally. */
    synchronized ApiResponse next() {
        Planned head = planned.peekFirst();
        if (head == null) {
            return null;
        }
        if (--head.remaining == 0) {
            planned.removeFirst();
        }
        return head.response;
    }

    synchronized void clear() {
        planned.clear();
    }
}
