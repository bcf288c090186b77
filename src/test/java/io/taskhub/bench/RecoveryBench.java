package io.taskhub.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;
import io.taskhub.support.Poll;

/**
 * Recovery: two hubs on one database; the one running a sync is killed (SIGKILL) mid-sync, and the figure is the
 * time from the kill to the other hub starting the integration's sync again (its run ends once every record is in).
 * The hubs' lease is 30 s here: recovery is due within lease + 60 s.
 */
final class RecoveryBench {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int RECORDS = 100_000;

    private final BenchRun run;

    RecoveryBench(BenchRun run) {
        this.run = run;
    }

    void measure(String database) {
        Map<String, String> env = Map.of("HUB_SYNC_LEASE", LEASE.toSeconds() + "s");
        try (SalesforceSimulator org = SalesforceSimulator.start(
                SalesforceSimulator.Options.defaults().withOpportunities(RECORDS).withCases(0));
             HubProcess first = run.startHub("hub-recovery-1", database, env);
             HubProcess second = run.startHub("hub-recovery-2", database, env)) {
            OperatorApi api = new OperatorApi(first.operator());
            OperatorApi.Integration integration = api.enableSalesforce(api.createAccount("Recovery"), org.baseUrl(),
                    SalesforceSimulator.DEFAULT_CLIENT_ID, SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                    SalesforceSimulator.DEFAULT_REFRESH_TOKEN, 3600);
            JsonNode interrupted = await(() -> latest(api, integration), r -> r != null, Duration.ofMinutes(1));
            long runId = interrupted.path("id").asLong();
            HubProcess runner = await(() -> List.of(first, second).stream()
                    .filter(hub -> hub.logContains("Sync started: SyncContext[run " + runId + ",")).findFirst()
                    .orElse(null), hub -> hub != null, Duration.ofSeconds(30));
            HubProcess survivor = runner == first ? second : first;
            OperatorApi watcher = new OperatorApi(survivor.operator());
            await(() -> watcher.taskCount(integration, "opportunities"), stored -> stored > 0, Duration.ofMinutes(1));
            runner.kill();
            long killed = System.nanoTime();
            BenchRun.progress("recovery: killed " + runner.pid() + " during run " + runId);
            JsonNode takeover = await(() -> latest(watcher, integration),
                    r -> r != null && r.path("id").asLong() > runId, LEASE.plus(Duration.ofMinutes(3)));
            double startSeconds = (System.nanoTime() - killed) / 1e9;
            JsonNode done = await(() -> watcher.run(integration.account(), takeover.path("id").asLong()),
                    r -> !"RUNNING".equals(r.path("status").asText()), Duration.ofMinutes(3));
            double doneSeconds = (System.nanoTime() - killed) / 1e9;
            run.report(Figure.atMost("recovery: kill to another instance syncing again (lease " + LEASE.toSeconds()
                    + " s)", startSeconds, "s", LEASE.toSeconds() + 60));
            run.report(Figure.info("recovery: kill to every record stored (" + done.path("status").asText() + ", "
                    + watcher.taskCount(integration, "opportunities") + " of " + RECORDS + ")", doneSeconds, "s",
                    "reference"));
        }
    }

    private static JsonNode latest(OperatorApi api, OperatorApi.Integration integration) {
        List<JsonNode> runs = api.runs(integration);
        return runs.isEmpty() ? null : runs.get(0);
    }

    private static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        T value = Poll.until(probe, done, timeout);
        if (!done.test(value)) {
            throw new IllegalStateException("waited " + timeout + " in vain");
        }
        return value;
    }
}
