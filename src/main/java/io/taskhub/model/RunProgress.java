package io.taskhub.model;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How far a RUNNING run has come: the type it is storing now, and that type's pages and records stored so far.
 *
 * Nullable as a schema: a run's {@code progress} is null once it has ended (OpenAPI 3.0 cannot mark a reference
 * nullable where it is made).
 *
 * @param total the type's records in the provider, null where the provider does not tell
 */
@Schema(nullable = true)
public record RunProgress(String type, int pages, int records, @Schema(nullable = true) Integer total) {
}
