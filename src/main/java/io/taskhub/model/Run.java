package io.taskhub.model;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Nullable as a schema: an integration's {@code lastRun} is null before its first run, and OpenAPI 3.0 cannot mark
 * a reference nullable where it is made.
 *
 * @param progress how far the run has come while RUNNING; null once it has ended, or before its first page
 */
@Schema(nullable = true)
public record Run(long id, long integrationId, RunTrigger trigger, boolean full, RunStatus status, Instant startedAt,
                  @Schema(nullable = true) Instant finishedAt, RunCounts counts, RunProgress progress,
                  @Schema(nullable = true) String error) {
}
