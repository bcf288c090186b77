package io.taskhub.model;

/** Archived tasks stay in the tree with a reason; time may no longer be tracked on them. */
public enum TaskStatus {
    ACTIVE, ARCHIVED
}
