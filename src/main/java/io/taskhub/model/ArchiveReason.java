package io.taskhub.model;

/** Why a task left the active tree. */
public enum ArchiveReason {
    CLOSED, COMPLETED, DELETED, DESELECTED, UNLINKED
}
