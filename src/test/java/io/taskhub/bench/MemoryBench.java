package io.taskhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;

/**
 * Memory of a hub process over its life up to the end of one full sync: pages are streamed, so a sync of a
 * hundred times more records should need about the same. The small sync runs in a hub process of its own, on a
 * database of its own, with the same fixed heap limit.
 */
final class MemoryBench {

    /** Peak heap in use (MiB, from the GC log) and peak resident set (KiB, VmHWM). */
    record Peak(long heapMib, long rssKib) {
    }

    private final BenchRun run;

    MemoryBench(BenchRun run) {
        this.run = run;
    }

    Peak baseline(String database) {
        int records = run.sizes.memoryBaseline();
        BenchRun.progress("memory baseline: a separate hub syncs " + records + " records");
        try (SalesforceSimulator org = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withOpportunities(records).withCases(0));
             HubProcess hub = run.startHub("hub-memory-baseline", database)) {
            OperatorApi api = new OperatorApi(hub.operator());
            BenchRun.Timed<JsonNode> sync = BenchRun.enableAndSync(api, api.createAccount("Small"), org, 86_400);
            BigIntegrationBench.checkRun(sync.result(), records);
            return new Peak(hub.peakHeapMib(), hub.peakRssKib());
        }
    }

    void compare(Peak small, Peak big) {
        int smallRecords = run.sizes.memoryBaseline();
        int bigRecords = run.sizes.fullRecords();
        String limit = " (" + BenchRun.HEAP + ")";
        run.report(Figure.info("memory: peak heap, " + smallRecords + "-record sync" + limit, small.heapMib(), "MiB", null));
        run.report(Figure.info("memory: peak heap, " + bigRecords + "-record sync" + limit, big.heapMib(), "MiB", null));
        run.report(Figure.atMost("memory: peak heap ratio", (double) big.heapMib() / small.heapMib(), "x", 1.5));
        run.report(Figure.info("memory: peak RSS, " + smallRecords + "-record sync", small.rssKib() / 1024.0, "MiB", null));
        run.report(Figure.info("memory: peak RSS, " + bigRecords + "-record sync", big.rssKib() / 1024.0, "MiB", null));
        run.report(Figure.atMost("memory: peak RSS ratio", (double) big.rssKib() / small.rssKib(), "x", 1.5));
    }
}
