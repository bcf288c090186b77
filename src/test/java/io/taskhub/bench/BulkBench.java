package io.taskhub.bench;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;

/**
 * A large org's full sync by REST pages and by a Bulk API 2.0 query job: the provider requests each needs and how
 * long each takes, end to end through a hub on its own database. One hub keeps every type on REST (threshold above
 * the org), the other reads it through Bulk (threshold below); the same org, the same records.
 */
final class BulkBench {

    private static final int FULL_SIZE = 1_000_000;

    private final BenchRun run;

    BulkBench(BenchRun run) {
        this.run = run;
    }

    void measure(String restDatabase, String bulkDatabase) throws Exception {
        int records = run.sizes.fullRecords();
        try (SalesforceSimulator org = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withOpportunities(records).withCases(0))) {
            Sync rest = sync("hub-rest", restDatabase, org, Long.MAX_VALUE, records);
            Sync bulk = sync("hub-bulk", bulkDatabase, org, records / 2, records);
            BenchRun.check(bulk.bulkRequests() > 0, "the Bulk hub made no Bulk request");
            run.report(Figure.info("bulk: full sync of " + records + " records by REST: provider requests",
                    rest.requests(), "requests", null));
            run.report(Figure.info("bulk: full sync of " + records + " records by REST", rest.seconds(), "s", null));
            run.report(Figure.info("bulk: full sync of " + records + " records by Bulk: provider requests",
                    bulk.requests(), "requests", bulk.bulkRequests() + " of them Bulk"));
            run.report(Figure.info("bulk: full sync of " + records + " records by Bulk", bulk.seconds(), "s", null));
            double fewer = (double) rest.requests() / bulk.requests();
            // the target is the issue's, at 1,000,000 records (20 results sets); a tenth takes two, and the job's
            // own requests (count, create, state) weigh ten times more
            String ratio = "bulk: REST requests / Bulk requests";
            run.report(records >= FULL_SIZE ? Figure.atLeast(ratio, fewer, "x", 20)
                    : Figure.info(ratio, fewer, "x", "target ≥ 20 x at 1000000 records"));
        }
    }

    private Sync sync(String name, String database, SalesforceSimulator org, long threshold, int records)
            throws Exception {
        try (HubProcess hub = run.startHub(name, database, Map.of("HUB_SALESFORCE_BULKTHRESHOLD",
                Long.toString(threshold)))) {
            BenchRun.progress(name + ": full sync of " + records + " opportunities");
            OperatorApi api = new OperatorApi(hub.operator());
            long account = api.createAccount(name);
            org.resetCounters();
            BenchRun.Timed<JsonNode> full = BenchRun.enableAndSync(api, account, org, 86_400);
            BigIntegrationBench.checkRun(full.result(), records);
            BenchRun.check(api.taskCount(full.integration(), "opportunities") == records, "task count differs");
            return new Sync(org.queryRequestCount(), org.bulkRequestCount(), full.seconds());
        }
    }

    /** @param requests every query, count and Bulk request of the sync (its logins apart) */
    private record Sync(int requests, int bulkRequests, double seconds) {
    }
}
