package io.taskhub.sandbox;

import java.time.Duration;

/**
 * How a simulator answers like the real provider under load: each answer comes after {@code latency} (give or take
 * {@code jitter} of it, uniformly), and each tenant may make {@code perMinute} API calls in any sliding minute and have
 * {@code atOnce} in flight; a call over either is refused the provider's way. Zero means no limit.
 *
 * @param latency   the time each answer takes, zero for none
 * @param jitter    the share of the latency by which an answer may come earlier or later, 0 to 1
 * @param perMinute API calls a tenant may make in any 60 seconds, 0 for no limit
 * @param atOnce    API calls a tenant may have in flight, 0 for no limit
 */
public record Rationing(Duration latency, double jitter, int perMinute, int atOnce) {

    public Rationing {
        if (latency.isNegative() || jitter < 0 || jitter > 1 || perMinute < 0 || atOnce < 0) {
            throw new IllegalArgumentException("latency, limits and jitter (0 to 1) must not be negative: " + latency
                    + ", " + jitter + ", " + perMinute + ", " + atOnce);
        }
    }

    /** Answers at once and without limits: what tests get unless they ask for more. */
    public static Rationing none() {
        return new Rationing(Duration.ZERO, 0, 0, 0);
    }

    /**
     * Salesforce allows an org 25 long-running (20 s or more) API requests at once, and has no per-minute limit. The
     * simulator counts every call in flight: stricter only for an org with more than 25 short calls at once.
     */
    public static Rationing salesforce() {
        return new Rationing(Duration.ZERO, 0, 0, 25);
    }

    /** Xero allows an organisation 60 calls a minute and 5 at once. */
    public static Rationing xero() {
        return new Rationing(Duration.ZERO, 0, 60, 5);
    }

    /** QuickBooks Online allows a company (realm) 500 calls a minute and 10 at once. */
    public static Rationing quickbooks() {
        return new Rationing(Duration.ZERO, 0, 500, 10);
    }

    /**
     * Insightly allows an API key 10 calls a second (600 a minute here); it publishes no limit at once, so 10, a
     * second's worth.
     */
    public static Rationing insightly() {
        return new Rationing(Duration.ZERO, 0, 600, 10);
    }

    public Rationing withLatency(Duration latency, double jitter) {
        return new Rationing(latency, jitter, perMinute, atOnce);
    }

    public boolean limits() {
        return perMinute > 0 || atOnce > 0;
    }
}
