package io.taskhub.sync;

import java.time.Instant;

import io.taskhub.model.ClientRecord;
import io.taskhub.model.TaskRecord;

/**
 * One provider record in the canonical model: its task and, for contacts and organisations, its client; or, for a
 * provider the hub keeps a read copy of (QuickBooks), the provider's own row for its store route.
 *
 * @param stamp when the provider last changed the record: where the type's cursor may move
 */
public record MappedRecord(TaskRecord task, ClientRecord client, Object row, Instant stamp) {

    public MappedRecord(TaskRecord task, ClientRecord client) {
        this(task, client, null, task.externalUpdatedAt());
    }

    public static MappedRecord task(TaskRecord task) {
        return new MappedRecord(task, null);
    }

    public static MappedRecord row(Object row, Instant stamp) {
        return new MappedRecord(null, null, row, stamp);
    }
}
