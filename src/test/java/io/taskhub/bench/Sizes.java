package io.taskhub.bench;

/**
 * The sizes of every measurement: the targets, or a tenth of them ({@code --quick}). Counts of changes and
 * of repeated syncs stay the same, so the quick run exercises the same paths.
 *
 * @param fullRecords         opportunities of the big integration (throughput, memory, incremental)
 * @param memoryBaseline      records of the small integration the big one's memory is compared with
 * @param stockRecords        records imported the stock Camel way and the hub's way
 * @param latencyRecords      records of the integration whose forced syncs are timed
 * @param integrations        integrations due at once
 * @param recordsEach         records each of those imports
 * @param timerSeconds        their interval: longer than their round takes, so that nothing fires twice in it
 */
record Sizes(int fullRecords, int memoryBaseline, int stockRecords, int latencyRecords, int integrations,
             int recordsEach, int timerSeconds) {

    static final int INCREMENTAL_CHANGES = 100;
    static final int LATENCY_CHANGES = 10;
    static final int LATENCY_SYNCS = 50;
    static final int WEBHOOK_EVENTS = 50;

    static Sizes full() {
        return new Sizes(1_000_000, 10_000, 20_000, 1_000, 500, 1_000, 300);
    }

    static Sizes quick() {
        return new Sizes(100_000, 1_000, 2_000, 100, 50, 100, 60);
    }
}
