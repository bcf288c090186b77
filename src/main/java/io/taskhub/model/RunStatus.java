package io.taskhub.model;

/** PARTIAL: some records were rejected and kept for inspection; the rest landed. */
public enum RunStatus {
    RUNNING, SUCCEEDED, PARTIAL, FAILED
}
