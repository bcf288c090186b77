package io.taskhub.sandbox;

/**
 * A call a tenant may not make now: the limit it is over, and the whole seconds until that limit lets a call through
 * again (at least 1), what the provider's {@code Retry-After} says.
 */
public record Refusal(Limit limit, long retryAfterSeconds) {

    public enum Limit {
        PER_MINUTE, AT_ONCE
    }
}
