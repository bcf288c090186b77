package io.taskhub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;

/**
 * Freshness at scale: many integrations, each a customer of its own, synced every minute by one hub against
 * providers that answer after a real-world latency and ration each tenant as they publish. Watched for a while: how
 * late each timer run starts after its trigger's fire time ({@code startedAt - dueAt}), whether any fire was skipped,
 * how long forced syncs take meanwhile, and how often the providers had to refuse a call (the hub should pace
 * itself instead). The integrations' timers fall where their enabling put them, spread over the enabling minute.
 */
final class FreshnessBench {

    static final Duration LATENCY = Duration.ofMillis(250);
    private static final int INTERVAL = 60;
    private static final int RECORDS = 20;
    private static final int CLIENTS = 16;
    private static final int POOL = 12;

    private final BenchRun run;

    FreshnessBench(BenchRun run) {
        this.run = run;
    }

    void measure(String database) throws Exception {
        int count = run.sizes.freshIntegrations();
        Duration window = Duration.ofSeconds(run.sizes.freshSeconds());
        String what = count + " integrations every " + INTERVAL + " s, providers at " + LATENCY.toMillis() + " ms";
        try (SharedProviders providers = new SharedProviders(LATENCY);
             HubProcess hub = run.startHub("hub-fresh", database, Map.of("HUB_DB_POOL_SIZE", "" + POOL));
             Connection db = run.db.connect(database); Connection probe = run.db.connect(database)) {
            providers.fill(RECORDS);
            OperatorApi api = new OperatorApi(hub.operator());
            BenchRun.progress("freshness: enabling " + what);
            List<OperatorApi.Integration> integrations = providers.enableAll(api, "Fresh", count, INTERVAL, CLIENTS);
            ManyAccountsBench.awaitFinishedRuns(db, Instant.EPOCH, count, Duration.ofMinutes(10));

            BenchRun.progress("freshness: watching for " + window.toSeconds() + " s, with forced syncs meanwhile");
            AtomicInteger connections = new AtomicInteger();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> connections.accumulateAndGet(ManyAccountsBench.hubConnections(probe),
                    Math::max), 0, 100, TimeUnit.MILLISECONDS);
            Instant from = Instant.now();
            SharedProviders.Traffic before = providers.traffic();
            double cpuBefore = CpuMeter.process(hub.pid());
            double[] forced = forcedSyncs(api, providers, integrations, from.plus(window));
            Instant to = Instant.now();
            SharedProviders.Traffic traffic = providers.traffic().since(before);
            double hubCpu = CpuMeter.process(hub.pid()) - cpuBefore;
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            BenchRun.progress("freshness: waiting for the runs due in the window to end");
            Thread.sleep(Duration.ofSeconds(INTERVAL / 2).toMillis());
            Runs runs = Runs.read(db, from, to);

            double[] late = runs.lateness();
            run.report(Figure.atMost("freshness: timer runs' start after due, p95 (" + what + ")",
                    LatencyBench.percentile(late, 95), "s", 6));
            run.report(Figure.info("freshness: timer runs' start after due, p50 / max",
                    LatencyBench.percentile(late, 50), "s", "max " + Figure.number(late[late.length - 1]) + " s, "
                            + late.length + " runs due in " + window.toSeconds() + " s"));
            run.report(Figure.exactly("freshness: fires skipped", runs.skipped(count), "fires", 0));
            run.report(Figure.exactly("freshness: timer runs that did not succeed", runs.failed, "runs", 0));
            run.report(Figure.atMost("freshness: provider calls refused as over a tenant's limits (429)",
                    100.0 * traffic.throttled() / Math.max(1, traffic.requests()), "%", 1));
            run.report(Figure.info("freshness: provider calls", traffic.requests() / (double) window.toSeconds(),
                    "calls/s", traffic.requests() + " in the window"));
            run.report(Figure.below("freshness: forced sync ?wait=true p95 while the " + count + " run",
                    LatencyBench.percentile(forced, 95) , "ms", 1000));
            run.report(Figure.info("freshness: forced sync ?wait=true p50", LatencyBench.percentile(forced, 50),
                    "ms", forced.length + " forced syncs of a Salesforce integration with a change"));
            run.report(Figure.info("freshness: hub CPU per sync", hubCpu * 1000 / Math.max(1, runs.started), "ms",
                    runs.started + " runs started in the window"));
            run.report(Figure.atMost("freshness: most database connections of the hub (pool " + POOL + " + 1 for "
                    + "health)", connections.get(), "connections", POOL + 1));
        }
    }

    /** Until {@code end}: renames a record of the Salesforce org, then forces a sync of one of its integrations. */
    private static double[] forcedSyncs(OperatorApi api, SharedProviders providers,
                                        List<OperatorApi.Integration> integrations, Instant end) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int n = 0; Instant.now().isBefore(end); n++) {
            // the n-th Salesforce integration, one of the first quarter's accounts
            OperatorApi.Integration integration = integrations.get((n * SharedProviders.PROVIDERS.size())
                    % integrations.size());
            providers.renameOpportunity(n % RECORDS);
            long start = System.nanoTime();
            JsonNode done = api.syncAndWait(integration);
            millis.add((System.nanoTime() - start) / 1e6);
            BenchRun.check(!"FAILED".equals(done.path("status").asText()), "a forced sync failed: " + done);
            Thread.sleep(2000);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The runs of the window, read from the hub's database after it. */
    private record Runs(List<Double> late, Map<Long, Long> phases, Map<Long, List<Long>> due,
                        Map<Long, List<long[]>> spans, int failed, int started, Instant from, Instant to) {

        static Runs read(Connection db, Instant from, Instant to) throws Exception {
            List<Double> late = new ArrayList<>();
            Map<Long, Long> phases = new HashMap<>();
            Map<Long, List<Long>> due = new HashMap<>();
            Map<Long, List<long[]>> spans = new HashMap<>();
            int failed = 0;
            int started = 0;
            try (PreparedStatement s = db.prepareStatement("select integration_id, due_at, started_at, finished_at, "
                    + "status from sync_run order by id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long integration = rs.getLong(1);
                    Instant startedAt = rs.getTimestamp(3).toInstant();
                    Timestamp finishedAt = rs.getTimestamp(4);
                    spans.computeIfAbsent(integration, i -> new ArrayList<>()).add(new long[] {
                            startedAt.toEpochMilli(), finishedAt == null ? Long.MAX_VALUE : finishedAt.getTime()});
                    started += startedAt.isBefore(from) || !startedAt.isBefore(to) ? 0 : 1;
                    if (rs.getTimestamp(2) == null) {
                        continue; // forced
                    }
                    Instant dueAt = rs.getTimestamp(2).toInstant();
                    phases.putIfAbsent(integration, dueAt.toEpochMilli() % (INTERVAL * 1000L));
                    if (dueAt.isBefore(from) || !dueAt.isBefore(to)) {
                        continue;
                    }
                    late.add(Math.max(0, Duration.between(dueAt, startedAt).toMillis()) / 1000.0);
                    due.computeIfAbsent(integration, i -> new ArrayList<>()).add(dueAt.toEpochMilli());
                    failed += "SUCCEEDED".equals(rs.getString(5)) ? 0 : 1;
                }
            }
            return new Runs(late, phases, due, spans, failed, started, from, to);
        }

        double[] lateness() {
            double[] sorted = late.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            return sorted.length == 0 ? new double[] {Double.NaN} : sorted;
        }

        /**
         * Fires due in the window, by each integration's timer (its first fire time plus whole intervals), without a
         * run: none when the hub keeps up. A fire that found a forced run of the integration under way rightly
         * started none, and is not counted.
         */
        int skipped(int count) {
            long period = INTERVAL * 1000L;
            // an integration its timer never fired skipped every fire of the window
            int skipped = (count - phases.size()) * (int) (Duration.between(from, to).toMillis() / period);
            for (Map.Entry<Long, Long> phase : phases.entrySet()) {
                long integration = phase.getKey();
                long first = Math.floorDiv(from.toEpochMilli() - phase.getValue() + period - 1, period) * period
                        + phase.getValue();
                for (long fire = first; fire < to.toEpochMilli(); fire += period) {
                    long at = fire;
                    boolean ran = due.getOrDefault(integration, List.of()).stream().anyMatch(d -> Math.abs(d - at) < 1000);
                    boolean underWay = spans.getOrDefault(integration, List.of()).stream()
                            .anyMatch(span -> span[0] <= at + 1000 && at <= span[1] + 1000);
                    skipped += ran || underWay ? 0 : 1;
                }
            }
            return skipped;
        }
    }
}
