package io.taskhub.model;

/** A connection started by signing in, as {@code GET .../connections/{id}} answers it. */
public record Connection(long id, String provider, ConnectionStatus status, Long integrationId, String error) {
}
