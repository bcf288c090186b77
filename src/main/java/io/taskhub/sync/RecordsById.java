package io.taskhub.sync;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A page source whose API reads several records by id in one request (QuickBooks: {@code where Id in (...)}). The
 * route template unseen-by-id then asks for a batch of a full reconciliation's unseen records at once
 * ({@code request: bean:unseenRecords?method=byIds}) and keeps what the answer lists
 * ({@code confirm: bean:unseenRecords?method=listed}). Still pure: no Exchange, no database.
 *
 * @param <R> the request the provider's call route sends as its body
 */
public interface RecordsById<R> {

    /** Whether an id may be put into a request at all; the others are kept, neither asked for nor deleted. */
    default boolean askable(String id) {
        return true;
    }

    /** The request of these records of the type, all in one answer; only askable ids. */
    R byIds(String type, List<String> ids);

    /** The ids of the records an answer to that request lists: the provider still has them. */
    List<String> listed(String type, JsonNode answer);
}
