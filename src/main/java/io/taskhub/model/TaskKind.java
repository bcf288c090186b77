package io.taskhub.model;

/** PROJECT is the root of an integration's tree; everything below it is a TASK. */
public enum TaskKind {
    PROJECT, TASK
}
