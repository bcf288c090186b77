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
    private final Instant ceiling;
    private Object request;
    private Instant latest;
    private int pages;
    private int records;

    /** A paging that is not an import of records (a provider's users directory): no cursor. */
    public static ImportState of(String type, Object request) {
        return new ImportState(type, request, null, Instant.now());
    }

    /** {@code ceiling}: when the import started, the latest the cursor may move to. */
    ImportState(String type, Object request, Instant storedCursor, Instant ceiling) {
        this.type = type;
        this.request = request;
        this.storedCursor = storedCursor;
        this.ceiling = ceiling;
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

    /**
     * A record's stamp. One dated after the import started (a provider's clock or data in the future) moves the
     * cursor only as far as that start: a cursor in 2099 would hide every later change until a full reconciliation.
     */
    void seen(Instant stamp) {
        Instant capped = stamp == null || stamp.isBefore(ceiling) ? stamp : ceiling;
        if (capped != null && (latest == null || capped.isAfter(latest))) {
            latest = capped;
        }
    }

    /** After a page: what to ask for next (null: that was the last), and how many records it held. */
    public void advance(Object next, int pageRecords) {
        request = next;
        pages++;
        records += pageRecords;
    }
}
