package io.taskhub.bench;

import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;

/** How long a client waits for {@code POST .../sync?wait=true} when a few records changed since the last sync. */
final class LatencyBench {

    private final BenchRun run;

    LatencyBench(BenchRun run) {
        this.run = run;
    }

    void measure(HubProcess hub) {
        int records = run.sizes.latencyRecords();
        int changes = Sizes.LATENCY_CHANGES;
        int syncs = Sizes.LATENCY_SYNCS;
        BenchRun.progress("forced sync latency: " + syncs + " syncs of " + changes + " changes each");
        try (SalesforceSimulator org = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withOpportunities(records).withCases(0))) {
            OperatorApi api = new OperatorApi(hub.operator());
            OperatorApi.Integration integration = BenchRun.enableAndSync(api, api.createAccount("Latency"), org,
                    86_400).integration();
            double[] millis = new double[syncs];
            for (int sync = 0; sync < syncs; sync++) {
                for (int change = 0; change < changes; change++) {
                    int index = (sync * changes + change) % records;
                    org.update(org.opportunityId(index), Map.of("Name", "Deal " + sync + "." + change));
                }
                long start = System.nanoTime();
                JsonNode done = api.syncAndWait(integration);
                millis[sync] = (System.nanoTime() - start) / 1e6;
                BenchRun.check(done.path("counts").path("updated").asInt() == changes, "updates: " + done);
            }
            Arrays.sort(millis);
            String of = " (" + records + " records, " + changes + " changes, " + syncs + " syncs)";
            run.report(Figure.below("forced sync ?wait=true p50" + of, percentile(millis, 50), "ms", 300));
            run.report(Figure.below("forced sync ?wait=true p95" + of, percentile(millis, 95), "ms", 1000));
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
