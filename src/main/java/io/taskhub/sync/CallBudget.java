package io.taskhub.sync;

import java.time.Duration;

/**
 * One tenant's per-minute call budget, a token bucket: bursts of up to {@code burst} calls, refilled so that no
 * minute, however it falls, holds more than {@code perMinute}. A caller reserves its call and is told how long to
 * wait for it, so waiting callers are served in the order they came and nobody spins.
 */
final class CallBudget {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final int burst;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    CallBudget(int perMinute, int burst, long now) {
        this.burst = Math.max(1, Math.min(burst, perMinute / 2));
        // the burst plus a minute's refill is the most any minute can see
        this.tokensPerNano = (double) (perMinute - this.burst) / MINUTE_NANOS;
        this.tokens = this.burst;
        this.refilledAt = now;
    }

    /** Books one call at {@code now} (System.nanoTime); the nanoseconds to wait before sending it. */
    synchronized long reserve(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
    }
}
