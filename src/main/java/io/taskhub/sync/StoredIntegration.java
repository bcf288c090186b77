package io.taskhub.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.taskhub.model.IntegrationStatus;

/** An integration row as stored, credentials still sealed. */
public record StoredIntegration(long id, long accountId, String provider, IntegrationStatus status,
                                String statusReason, String ownerEmail, byte[] sealedCredentials,
                                Map<String, String> endpoint, Map<String, Object> settings,
                                List<String> selectedTypes, int intervalSeconds, Instant lastSyncAt,
                                Instant lastFullSyncAt) {
}
