package io.taskhub.sandbox.salesforce;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Open query locators. They expire after a period of disuse, like Salesforce's, and their number is capped, so
 * that clients abandoning queries mid-way cannot make the simulator grow.
 */
final class QueryCursorStore {

    static final long DEFAULT_IDLE_MILLIS = 15 * 60 * 1000L;
    private static final int MAX_OPEN = 10_000;

    private final Map<String, QueryCursor> cursors = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final LongSupplier clock;
    private final long idleMillis;

    QueryCursorStore(LongSupplier clock, long idleMillis) {
        this.clock = clock;
        this.idleMillis = idleMillis;
    }

    QueryCursor open(QueryEngine.Plan plan, long totalSize, int batchSize, QueryCursor.Position position) {
        sweep();
        String locator = SalesforceIds.of(SalesforceIds.QUERY_LOCATOR_PREFIX, counter.incrementAndGet());
        QueryCursor cursor = new QueryCursor(locator, plan, totalSize, batchSize, position, clock.getAsLong());
        cursors.put(locator, cursor);
        return cursor;
    }

    /** The live cursor for a locator, or null if it is unknown or has expired. */
    QueryCursor get(String locator) {
        QueryCursor cursor = cursors.get(locator);
        long now = clock.getAsLong();
        if (cursor == null || now - cursor.lastAccessMillis() > idleMillis) {
            if (cursor != null) {
                cursors.remove(locator, cursor);
            }
            return null;
        }
        cursor.touch(now);
        return cursor;
    }

    /** A finished cursor is dropped at once; a retry of its last page then gets INVALID_QUERY_LOCATOR. */
    void close(QueryCursor cursor) {
        cursors.remove(cursor.locator, cursor);
    }

    int size() {
        return cursors.size();
    }

    void sweep() {
        long now = clock.getAsLong();
        cursors.values().removeIf(c -> now - c.lastAccessMillis() > idleMillis);
        while (cursors.size() >= MAX_OPEN) {
            QueryCursor oldest = null;
            for (Iterator<QueryCursor> it = cursors.values().iterator(); it.hasNext(); ) {
                QueryCursor c = it.next();
                if (oldest == null || c.lastAccessMillis() < oldest.lastAccessMillis()) {
                    oldest = c;
                }
            }
            if (oldest == null) {
                return;
            }
            cursors.remove(oldest.locator, oldest);
        }
    }
}
