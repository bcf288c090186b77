package io.taskhub.bench;

import java.sql.Connection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;

/**
 * The big Salesforce integration: its full sync end to end through the hub against the physical floor of the same
 * import, the memory the hub needed for it, and then incremental syncs of it with nothing and with a few changes.
 */
final class BigIntegrationBench {

    private final BenchRun run;

    BigIntegrationBench(BenchRun run) {
        this.run = run;
    }

    /** Runs on the given hub, which must not have synced anything yet; answers the hub's memory after the full sync. */
    MemoryBench.Peak measure(HubProcess hub, String database) throws Exception {
        int records = run.sizes.fullRecords();
        try (SalesforceSimulator org = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withOpportunities(records).withCases(0))) {
            BenchRun.progress("floor: fetching and parsing " + records + " opportunities, then COPY");
            Floor.Result floor;
            try (Connection db = run.db.connect(database)) {
                floor = new Floor(run.cpu).measure(org.baseUrl(), SalesforceSimulator.DEFAULT_CLIENT_ID,
                        SalesforceSimulator.DEFAULT_CLIENT_SECRET, SalesforceSimulator.DEFAULT_REFRESH_TOKEN, db,
                        run.work.resolve("floor-rows.csv"));
            }
            BenchRun.check(floor.records() == records, "the floor read " + floor.records() + " records");
            run.report(Figure.info("floor: fetch+parse " + records + " records", floor.fetchSeconds(), "s", null));
            run.report(Figure.info("floor: COPY " + records + " rows into a table indexed like task",
                    floor.copySeconds(), "s", null));
            run.report(Figure.info("floor: rate", floor.rate(), "records/s", "fetch+parse plus COPY"));
            run.report(Figure.info("floor: CPU per record, driver (simulator, HTTP, parse)",
                    micros(floor.fetchCpu(), records), "us", null));
            run.report(Figure.info("floor: CPU per record, PostgreSQL (COPY)", micros(floor.copyCpu(), records), "us", null));

            BenchRun.progress("hub: full sync of " + records + " opportunities");
            OperatorApi api = new OperatorApi(hub.operator());
            long account = api.createAccount("Big");
            double hubCpu = CpuMeter.process(hub.pid());
            double postgresCpu = run.cpu.postgres();
            double driverCpu = CpuMeter.self();
            BenchRun.Timed<JsonNode> full = BenchRun.enableAndSync(api, account, org, 86_400);
            hubCpu = CpuMeter.process(hub.pid()) - hubCpu;
            postgresCpu = run.cpu.postgres() - postgresCpu;
            driverCpu = CpuMeter.self() - driverCpu;
            MemoryBench.Peak memory = new MemoryBench.Peak(hub.peakHeapMib(), hub.peakRssKib());
            checkRun(full.result(), records);
            BenchRun.check(api.taskCount(full.integration(), "opportunities") == records, "task count differs");
            double rate = records / full.seconds();
            run.report(Figure.info("hub: full sync of " + records + " records, end to end", full.seconds(), "s", null));
            run.report(Figure.atLeast("hub: full sync rate", rate, "records/s", floor.rate() / 2));
            run.report(Figure.atLeast("hub: full sync rate / floor rate", rate / floor.rate(), "x", 0.5));
            run.report(Figure.info("hub: CPU per record, hub JVM (JIT and GC included)", micros(hubCpu, records), "us", null));
            run.report(Figure.info("hub: CPU per record, PostgreSQL", micros(postgresCpu, records), "us", null));
            run.report(Figure.info("hub: CPU per record, driver (simulator)", micros(driverCpu, records), "us", null));

            incremental(api, full.integration(), org, records);
            return memory;
        }
    }

    private void incremental(OperatorApi api, OperatorApi.Integration big, SalesforceSimulator org, int records) {
        BenchRun.progress("hub: incremental syncs");
        org.resetCounters();
        long start = System.nanoTime();
        JsonNode nothing = api.syncAndWait(big);
        double millis = (System.nanoTime() - start) / 1e6;
        checkRun(nothing, 0);
        // one type selected: every query and next-page request is that type's
        run.report(Figure.atMost("incremental, nothing changed: provider requests per selected type",
                org.queryRequestCount(), "requests", 1));
        run.report(Figure.below("incremental, nothing changed: forced sync", millis, "ms", 1000));

        int changes = Sizes.INCREMENTAL_CHANGES;
        for (int i = 0; i < changes; i++) {
            org.update(org.opportunityId(i * (records / changes)), Map.of("Name", "Changed deal " + i));
        }
        start = System.nanoTime();
        JsonNode changed = api.syncAndWait(big);
        millis = (System.nanoTime() - start) / 1e6;
        checkRun(changed, changes);
        BenchRun.check(changed.path("counts").path("updated").asInt() == changes, "updates: " + changed);
        run.report(Figure.below("incremental, " + changes + " changes: forced sync", millis, "ms", 2000));
    }

    private static double micros(double cpuSeconds, int records) {
        return cpuSeconds * 1e6 / records;
    }

    static void checkRun(JsonNode run, int fetched) {
        BenchRun.check("SUCCEEDED".equals(run.path("status").asText()), "run did not succeed: " + run);
        BenchRun.check(run.path("counts").path("fetched").asInt() == fetched,
                "run fetched " + run.path("counts").path("fetched") + ", expected " + fetched + ": " + run);
    }
}
