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
 * @param freshIntegrations   integrations kept fresh every minute against providers at real-world latency
 * @param freshSeconds        how long their freshness is watched
 * @param providerTimeRecords records of the full sync timed against the provider's own serving time
 */
record Sizes(int fullRecords, int memoryBaseline, int stockRecords, int latencyRecords, int integrations,
             int recordsEach, int timerSeconds, int freshIntegrations, int freshSeconds, int providerTimeRecords) {

    static final int INCREMENTAL_CHANGES = 100;
    static final int LATENCY_CHANGES = 10;
    static final int LATENCY_SYNCS = 50;
    static final int WEBHOOK_EVENTS = 50;

    static Sizes full() {
        return new Sizes(1_000_000, 10_000, 20_000, 1_000, 500, 1_000, 300, 2_000, 300, 200_000);
    }

    static Sizes quick() {
        return new Sizes(100_000, 1_000, 2_000, 100, 50, 100, 60, 400, 120, 20_000);
    }
}
