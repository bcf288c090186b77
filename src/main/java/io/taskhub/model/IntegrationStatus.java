package io.taskhub.model;

/** NEEDS_REENABLE: stopped until an administrator gives new credentials (owner removed, grant revoked). */
public enum IntegrationStatus {
    ACTIVE, NEEDS_REENABLE, UNLINKED
}
