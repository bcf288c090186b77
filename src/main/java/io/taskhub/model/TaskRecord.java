package io.taskhub.model;

import java.time.Instant;
import java.util.List;

/**
 * One provider record mapped into the canonical model: what a provider mapper produces and the shared writer stores.
 *
 * @param type              the selectable type it belongs to ({@code opportunities})
 * @param archivedReason    null while the record is active in the provider
 * @param parentType        with {@code parentExternalId}: the imported record it sits under, if any (else its list)
 * @param assigneeEmails    emails of the provider users who own or are responsible for it
 * @param relatedType       with {@code relatedExternalId}: another imported record this one refers to without
 *                          sitting under it (an Insightly opportunity's organisation), or null
 */
public record TaskRecord(String type, String externalId, String name, ArchiveReason archivedReason,
                         Instant externalUpdatedAt, String parentType, String parentExternalId,
                         List<String> assigneeEmails, String relatedType, String relatedExternalId) {

    /** A record that refers to no other. */
    public TaskRecord(String type, String externalId, String name, ArchiveReason archivedReason,
                      Instant externalUpdatedAt, String parentType, String parentExternalId,
                      List<String> assigneeEmails) {
        this(type, externalId, name, archivedReason, externalUpdatedAt, parentType, parentExternalId, assigneeEmails,
                null, null);
    }

    public static TaskRecord of(String type, String externalId, String name, ArchiveReason archivedReason,
                                Instant externalUpdatedAt) {
        return new TaskRecord(type, externalId, name, archivedReason, externalUpdatedAt, null, null, List.of());
    }

    /** The same record, referring to another imported record. */
    public TaskRecord relatedTo(String type, String externalId) {
        return new TaskRecord(this.type, this.externalId, name, archivedReason, externalUpdatedAt, parentType,
                parentExternalId, assigneeEmails, externalId == null ? null : type, externalId);
    }
}
