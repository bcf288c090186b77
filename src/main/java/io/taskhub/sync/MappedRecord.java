package io.taskhub.sync;

import io.taskhub.model.ClientRecord;
import io.taskhub.model.TaskRecord;

/** One provider record in the canonical model: its task and, for contacts and organisations, its client. */
public record MappedRecord(TaskRecord task, ClientRecord client) {

    public static MappedRecord task(TaskRecord task) {
        return new MappedRecord(task, null);
    }
}
