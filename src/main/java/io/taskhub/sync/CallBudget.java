package io.taskhub.sync;

import java.time.Duration;
import java.util.Arrays;

/**
 * One tenant's per-minute call budget, kept the way the providers count it: no more than {@code perMinute} calls in
 * any minute. It remembers when its last calls were sent, at most {@link #REMEMBERED} (a budget of more is kept as
 * that many in the matching share of a minute, so a tenant costs a few hundred bytes whatever its budget); the next
 * call goes once the oldest of them has left the window, plus a second for the network (the provider counts
 * arrivals, not sends). A caller reserves its call and is told how long to wait for it, so waiting callers are served
 * in the order they came and nobody spins; a burst within the budget goes at once.
 */
final class CallBudget {

    static final int REMEMBERED = 60;
    private static final long MARGIN = Duration.ofSeconds(1).toNanos();

    private final long[] sent;
    private final long window;
    private int oldest;

    CallBudget(int perMinute) {
        sent = new long[Math.min(perMinute, REMEMBERED)];
        window = Duration.ofMinutes(1).toNanos() * sent.length / perMinute + MARGIN;
        Arrays.fill(sent, Long.MIN_VALUE / 2); // long ago
    }

    /** Books one call at {@code now} (System.nanoTime); the nanoseconds to wait before sending it. */
    synchronized long reserve(long now) {
        long at = Math.max(now, sent[oldest] + window);
        sent[oldest] = at;
        oldest = (oldest + 1) % sent.length;
        return at - now;
    }
}
