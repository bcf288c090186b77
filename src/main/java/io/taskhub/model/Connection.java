package io.taskhub.model;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A connection started by signing in, as {@code GET .../connections/{id}} answers it. {@code organisations} lists
 * what to choose from while a consent that covers several organisations waits for the choice; otherwise null.
 */
public record Connection(long id, String provider, ConnectionStatus status,
                         @Schema(nullable = true) Long integrationId, @Schema(nullable = true) String error,
                         @Schema(nullable = true) List<Organisation> organisations) {
}
