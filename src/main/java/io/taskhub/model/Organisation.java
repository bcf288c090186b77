package io.taskhub.model;

/** An organisation (Xero tenant) that a user's consent covers, to choose one from. */
public record Organisation(String tenantId, String name) {
}
