package io.taskhub.model;

import java.util.List;

/**
 * A connection started by signing in, as {@code GET .../connections/{id}} answers it. {@code organisations} lists
 * what to choose from while a consent that covers several organisations waits for the choice; otherwise null.
 */
public record Connection(long id, String provider, ConnectionStatus status, Long integrationId, String error,
                         List<Organisation> organisations) {
}
