package io.taskhub.model;

import java.time.Instant;
import java.util.List;

/** An account's connection to one provider. Credentials are never part of it. */
public record Integration(long id, String provider, IntegrationStatus status, String statusReason, String ownerEmail,
                          List<String> selectedTypes, int intervalSeconds, Instant nextSyncAt, Run lastRun) {
}
