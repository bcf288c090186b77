package io.taskhub.model;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A node of an integration's imported tree (CONTRACT §4). Read-only to clients. */
public record Task(long id, long integrationId, String provider, @Schema(nullable = true) Long parentId, TaskKind kind,
                   String type, String externalId, String name, TaskStatus status,
                   @Schema(nullable = true) ArchiveReason archivedReason,
                   @Schema(nullable = true) Instant externalUpdatedAt, List<Assignee> assignees) {
}
