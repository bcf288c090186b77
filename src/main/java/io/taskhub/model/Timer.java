package io.taskhub.model;

import java.time.Instant;

/** When an integration's sync fires: its interval and its Quartz trigger's next and previous fire times. */
public record Timer(long integrationId, String provider, int intervalSeconds, Instant nextFireAt, Instant lastFireAt) {
}
