package io.taskhub.model;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** When an integration's sync fires: its interval and its Quartz trigger's next and previous fire times. */
public record Timer(long integrationId, String provider, int intervalSeconds,
                    @Schema(nullable = true) Instant nextFireAt, @Schema(nullable = true) Instant lastFireAt) {
}
