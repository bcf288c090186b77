package io.taskhub.model;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An integration's provider budget as its last sync saw it in the provider's answers: Xero's {@code dayRemaining},
 * {@code minuteRemaining} and {@code appMinuteRemaining}, Insightly's {@code dailyLimit} and {@code dailyRemaining}.
 * Nullable as a schema: null before a sync saw any (Salesforce and QuickBooks send none the hub reads).
 */
@Schema(nullable = true)
public record ProviderLimits(Instant seenAt, Map<String, Long> values) {
}
