package io.taskhub.model;

import java.time.Instant;
import java.util.List;

/** A node of an integration's imported tree (CONTRACT §4). Read-only to clients. */
public record Task(long id, long integrationId, String provider, Long parentId, TaskKind kind, String type,
                   String externalId, String name, TaskStatus status, ArchiveReason archivedReason,
                   Instant externalUpdatedAt, List<Assignee> assignees) {
}
