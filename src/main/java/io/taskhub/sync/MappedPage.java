package io.taskhub.sync;

import java.util.List;

import io.taskhub.model.ClientRecord;
import io.taskhub.model.RejectedRecord;
import io.taskhub.model.TaskRecord;

/**
 * One provider page mapped into the canonical model: what a provider route hands to {@code direct:sync-write-page}.
 *
 * @param cursor where the type's next incremental fetch may start once this page is stored (null: unchanged)
 */
public record MappedPage(String type, List<TaskRecord> tasks, List<ClientRecord> clients,
                         List<RejectedRecord> rejected, String cursor) implements StoredPage {

    public int fetched() {
        return tasks.size() + rejected.size();
    }

    @Override
    public int records() {
        return fetched();
    }
}
