package io.taskhub.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.provider.RecordRejected;

/**
 * A provider's pages as the shared import ({@link PageImport}, route template {@code page-import}) reads them: what
 * to ask for first and next, the records of an answer, one record in the canonical model. Pure: no Exchange, no
 * database; the provider's fetch route sends the request (its type {@code Q}) and reads the JSON answer.
 *
 * @param <Q> the provider's request of one page
 */
public interface PageSource<Q> {

    /** The first page of a type: everything ({@code since} null) or what changed since then. */
    Q first(String type, Instant since);

    /**
     * Whether an answer read as JSON is a page of this request at all (a maintenance page can be JSON too): called at
     * the end of the provider's fetch route, so that an answer that is not is fetched again. {@code page} names the
     * answer in the run's error ("xero's answer to page 2 of contacts").
     */
    void check(Q request, JsonNode answer, String page) throws UnreadablePage;

    /** The records of one checked answer, in the provider's order. */
    List<JsonNode> records(Q request, JsonNode answer);

    /** What to ask for after this answer, or null when it was the type's last page. */
    Q next(Q request, JsonNode answer, int records);

    /** How many records the whole import of the type will read, where the provider tells; else null. */
    default Integer total(Q request, JsonNode answer) {
        return null;
    }

    /**
     * One record as a task (and, for contacts and organisations, a client), or as a read copy's row
     * ({@link MappedRecord#row}); {@link RecordRejected} if it cannot be.
     */
    MappedRecord map(String type, JsonNode record, ImportContext context);

    /** The record's id, for a rejected record too (null when it has none). */
    String id(String type, JsonNode record);

    /** How far before its cursor an incremental import starts: late commits, shared stamps. */
    Duration overlap();

    /**
     * Whether pages come oldest change first, so that the cursor may follow each stored page; otherwise it moves
     * once the type's last page is stored, and a run that stops half-way reads everything again from the old one.
     */
    default boolean cursorFollowsPages() {
        return false;
    }

    /** What a record's mapping may look at beyond the record: the types imported, the provider's users' emails. */
    record ImportContext(List<String> importedTypes, Map<String, String> userEmails) {
    }
}
