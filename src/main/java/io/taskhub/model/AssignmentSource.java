package io.taskhub.model;

/** AUTO assignments follow the provider at every sync; MANUAL ones are never undone by a sync. */
public enum AssignmentSource {
    AUTO, MANUAL
}
