package io.taskhub.sync;

import java.util.List;

import io.taskhub.model.ClientRecord;
import io.taskhub.model.RejectedRecord;
import io.taskhub.model.TaskRecord;

/**
 * One provider page mapped into the canonical model: what the {@code page-import} template hands to its store route.
 *
 * @param cursor where the type's next incremental fetch may start once this page is stored (null: unchanged)
 * @param rows   a read copy's own rows ({@link MappedRecord#row}), for a provider that imports no tasks
 */
public record MappedPage(String type, List<TaskRecord> tasks, List<ClientRecord> clients,
                         List<RejectedRecord> rejected, String cursor, List<Object> rows) implements StoredPage {

    public MappedPage(String type, List<TaskRecord> tasks, List<ClientRecord> clients, List<RejectedRecord> rejected,
                      String cursor) {
        this(type, tasks, clients, rejected, cursor, List.of());
    }

    public int fetched() {
        return tasks.size() + rows.size() + rejected.size();
    }

    @Override
    public int records() {
        return fetched();
    }
}
