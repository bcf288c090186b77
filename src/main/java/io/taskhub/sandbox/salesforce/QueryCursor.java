package io.taskhub.sandbox.salesforce;

/**
 * An open query locator: the plan plus the position, never the records. It also remembers the position before the
 * last page so that a client retrying that page (same nextRecordsUrl) gets the same records again.
 */
final class QueryCursor {

    /** Where a page starts: records served so far and the last one of them (null at the start). */
    record Position(int served, SObjectRecord last) {
    }

    final String locator;
    final QueryEngine.Plan plan;
    final long totalSize;
    final int batchSize;
    private Position current;
    private Position previous;
    private volatile long lastAccessMillis;

    QueryCursor(String locator, QueryEngine.Plan plan, long totalSize, int batchSize, Position current,
                long nowMillis) {
        this.locator = locator;
        this.plan = plan;
        this.totalSize = totalSize;
        this.batchSize = batchSize;
        this.current = current;
        this.lastAccessMillis = nowMillis;
    }

    /** The position a request for {@code served} records starts from, or null if this cursor cannot serve it. */
    synchronized Position positionAt(int served) {
        if (current.served() == served) {
            return current;
        }
        return previous != null && previous.served() == served ? previous : null;
    }

    /** Records that the page starting at {@code from} has been served and ended at {@code next}. */
    synchronized void advance(Position from, Position next) {
        if (from == current) {
            previous = current;
            current = next;
        }
    }

    long lastAccessMillis() {
        return lastAccessMillis;
    }

    void touch(long nowMillis) {
        lastAccessMillis = nowMillis;
    }
}
