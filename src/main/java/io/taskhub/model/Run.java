package io.taskhub.model;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Nullable as a schema: an integration's {@code lastRun} is null before its first run, and OpenAPI 3.0 cannot mark
 * a reference nullable where it is made.
 *
 * @param progress how far the run has come while RUNNING; null once it has ended, or before its first page
 * @param dueAt    when a timer run was due (its trigger's fire time; {@code startedAt - dueAt} is how late it
 *                 started); null for a forced or webhook run, due when asked for
 */
@Schema(nullable = true)
public record Run(long id, long integrationId, RunTrigger trigger, boolean full, RunStatus status, Instant startedAt,
                  @Schema(nullable = true) Instant finishedAt, RunCounts counts, RunProgress progress,
                  @Schema(nullable = true) String error, @Schema(nullable = true) Instant dueAt) {
}
