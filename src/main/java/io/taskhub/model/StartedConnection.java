package io.taskhub.model;

import java.time.Instant;

/** A connection just started: where to send the user's browser, and until when its state holds. */
public record StartedConnection(long id, String provider, ConnectionStatus status, String authorizeUrl,
                                Instant expiresAt) {
}
