package io.taskhub.bench;

import java.sql.Connection;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.Rationing;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;

/**
 * Provider time is the only cost: a full sync from an org that takes a real-world time to serve each page, against
 * that serving time itself, as a client that only reads the pages sees it (login, then every page in turn with a
 * streaming parser, nothing stored). The hub stores each page while it fetches the next, so it should add little.
 */
final class ProviderTimeBench {

    private static final Duration PAGE_TIME = Duration.ofMillis(250);

    private final BenchRun run;

    ProviderTimeBench(BenchRun run) {
        this.run = run;
    }

    void measure(HubProcess hub, String database) throws Exception {
        int records = run.sizes.providerTimeRecords();
        try (SalesforceSimulator org = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withOpportunities(records).withCases(0).withRationing(new Rationing(PAGE_TIME, 0, 0, 0)))) {
            BenchRun.progress("provider time: reading " + records + " opportunities at " + PAGE_TIME.toMillis()
                    + " ms a call");
            Floor.Result provider;
            try (Connection db = run.db.connect(database)) {
                provider = new Floor(run.cpu).measure(org.baseUrl(), SalesforceSimulator.DEFAULT_CLIENT_ID,
                        SalesforceSimulator.DEFAULT_CLIENT_SECRET, SalesforceSimulator.DEFAULT_REFRESH_TOKEN, db,
                        run.work.resolve("provider-time-rows.csv"));
            }
            BenchRun.check(provider.records() == records, "the reader read " + provider.records() + " records");

            BenchRun.progress("provider time: the hub's full sync of the same org");
            OperatorApi api = new OperatorApi(hub.operator());
            BenchRun.Timed<JsonNode> full = BenchRun.enableAndSync(api, api.createAccount("Slow org"), org, 86_400);
            BigIntegrationBench.checkRun(full.result(), records);
            double synced = BenchRun.runSeconds(full.result());
            String of = records + " records at " + PAGE_TIME.toMillis() + " ms a call";
            run.report(Figure.info("provider time: the org's own serving time (" + of + ")",
                    provider.fetchSeconds(), "s", "login and every page, read by a client that stores nothing"));
            run.report(Figure.atMost("provider time: hub full sync / the org's serving time", synced
                    / provider.fetchSeconds(), "x", 1.10));
            run.report(Figure.info("provider time: hub full sync run", synced, "s",
                    Figure.number(full.seconds()) + " s from the enabling request"));
        }
    }
}
