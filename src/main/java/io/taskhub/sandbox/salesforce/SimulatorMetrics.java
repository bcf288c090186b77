package io.taskhub.sandbox.salesforce;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Counters that tests assert on, e.g. that a sync made N requests or retried after a failure. */
final class SimulatorMetrics {

    private static final int SOQL_LOG_SIZE = 100;

    final AtomicInteger queryRequests = new AtomicInteger();
    final AtomicInteger recordsServed = new AtomicInteger();
    final AtomicInteger tokenRequests = new AtomicInteger();
    /** Of the query requests, those to Bulk API 2.0 query jobs. */
    final AtomicInteger bulkRequests = new AtomicInteger();
    private final Deque<String> soqlLog = new ArrayDeque<>();

    synchronized void logSoql(String soql) {
        if (soqlLog.size() == SOQL_LOG_SIZE) {
            soqlLog.removeFirst();
        }
        soqlLog.addLast(soql == null ? "" : soql);
    }

    synchronized List<String> soqlLog() {
        return List.copyOf(soqlLog);
    }

    synchronized void reset() {
        queryRequests.set(0);
        recordsServed.set(0);
        tokenRequests.set(0);
        bulkRequests.set(0);
        soqlLog.clear();
    }
}
