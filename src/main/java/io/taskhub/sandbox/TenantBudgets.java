package io.taskhub.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's API calls of the last minute (a sliding window: the strictest reading of "n a minute") and its calls
 * in flight, held against a {@link Rationing}'s limits. Refused calls take nothing from the budget. Thread-safe.
 */
final class TenantBudgets {

    private static final long MINUTE_MILLIS = 60_000;

    private static final class Budget {
        final Deque<Long> admittedLastMinute = new ArrayDeque<>();
        int inFlight;
    }

    private final Rationing rationing;
    private final long atOnceRetrySeconds;
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

    TenantBudgets(Rationing rationing) {
        this.rationing = rationing;
        // a slot frees when an answer in flight is done: at the latest one whole latency later
        double longestAnswer = rationing.latency().toMillis() * (1 + rationing.jitter());
        this.atOnceRetrySeconds = Math.max(1, (long) Math.ceil(longestAnswer / 1000));
    }

    /** Admits a call of the tenant, to be {@link #release}d once answered, or refuses it (null: admitted). */
    Refusal admit(String tenant, long nowMillis) {
        Budget budget = budgets.computeIfAbsent(tenant, t -> new Budget());
        synchronized (budget) {
            Deque<Long> lastMinute = budget.admittedLastMinute;
            while (!lastMinute.isEmpty() && lastMinute.peekFirst() <= nowMillis - MINUTE_MILLIS) {
                lastMinute.removeFirst();
            }
            if (rationing.perMinute() > 0 && lastMinute.size() >= rationing.perMinute()) {
                long freedIn = lastMinute.peekFirst() + MINUTE_MILLIS - nowMillis;
                return new Refusal(Refusal.Limit.PER_MINUTE, Math.max(1, (freedIn + 999) / 1000));
            }
            if (rationing.atOnce() > 0 && budget.inFlight >= rationing.atOnce()) {
                return new Refusal(Refusal.Limit.AT_ONCE, atOnceRetrySeconds);
            }
            if (rationing.perMinute() > 0) {
                lastMinute.addLast(nowMillis);
            }
            budget.inFlight++;
            return null;
        }
    }

    void release(String tenant) {
        Budget budget = budgets.get(tenant);
        synchronized (budget) {
            budget.inFlight--;
        }
    }
}
