package io.taskhub.model;

import java.time.Instant;

/** @param progress how far the run has come while RUNNING; null once it has ended, or before its first page */
public record Run(long id, long integrationId, RunTrigger trigger, boolean full, RunStatus status, Instant startedAt,
                  Instant finishedAt, RunCounts counts, RunProgress progress, String error) {
}
