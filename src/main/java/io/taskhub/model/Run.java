package io.taskhub.model;

import java.time.Instant;

public record Run(long id, long integrationId, RunTrigger trigger, boolean full, RunStatus status, Instant startedAt,
                  Instant finishedAt, RunCounts counts, String error) {
}
