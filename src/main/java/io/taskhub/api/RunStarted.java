package io.taskhub.api;

/** The answer to a forced sync that does not wait for its run: the run to follow. */
public record RunStarted(long runId) {
}
