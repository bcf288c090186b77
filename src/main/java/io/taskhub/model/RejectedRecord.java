package io.taskhub.model;

import io.swagger.v3.oas.annotations.media.Schema;

/** A provider record that could not be mapped, kept with the reason and its payload as received. */
public record RejectedRecord(String type, @Schema(nullable = true) String externalId, String reason, String payload) {
}
