package io.taskhub.model;

/** A provider record that could not be mapped, kept with the reason and its payload as received. */
public record RejectedRecord(String type, String externalId, String reason, String payload) {
}
