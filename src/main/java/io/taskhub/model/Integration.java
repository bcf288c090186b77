package io.taskhub.model;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** An account's connection to one provider. Credentials are never part of it. */
public record Integration(long id, String provider, IntegrationStatus status,
                          @Schema(nullable = true) String statusReason, @Schema(nullable = true) String ownerEmail,
                          List<String> selectedTypes, int intervalSeconds, @Schema(nullable = true) Instant nextSyncAt,
                          Run lastRun, ProviderLimits providerLimits) {
}
