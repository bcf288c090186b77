package io.taskhub.sync;

import java.time.Instant;

/**
 * Where the import of one type stands, the Camel variable {@code import} of the {@code page-import} template: the
 * request of the page to fetch (null once the last one was read), the cursor the import started from, the latest
 * stamp seen since, and how far it came.
 */
public final class ImportState {

    private final String type;
    private final Instant storedCursor;
    private Object request;
    private Instant latest;
    private int pages;
    private int records;

    /** A paging that is not an import of records (a provider's users directory): no cursor. */
    public static ImportState of(String type, Object request) {
        return new ImportState(type, request, null);
    }

    ImportState(String type, Object request, Instant storedCursor) {
        this.type = type;
        this.request = request;
        this.storedCursor = storedCursor;
        this.latest = storedCursor;
    }

    public String getType() {
        return type;
    }

    /** The provider's request of the next page ({@link PageSource}'s {@code Q}). */
    public Object getRequest() {
        return request;
    }

    /** Whether a page remains to be fetched: the template's loop condition. */
    public boolean isMore() {
        return request != null;
    }

    public int getPages() {
        return pages;
    }

    public int getRecords() {
        return records;
    }

    Instant storedCursor() {
        return storedCursor;
    }

    Instant latest() {
        return latest;
    }

    void seen(Instant stamp) {
        if (stamp != null && (latest == null || stamp.isAfter(latest))) {
            latest = stamp;
        }
    }

    /** After a page: what to ask for next (null: that was the last), and how many records it held. */
    public void advance(Object next, int pageRecords) {
        request = next;
        pages++;
        records += pageRecords;
    }
}
