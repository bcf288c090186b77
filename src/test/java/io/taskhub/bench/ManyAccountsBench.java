package io.taskhub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;
import io.taskhub.support.SharedDatabase;

/**
 * Many integrations due at once: the hub comes back after a downtime longer than their interval and finds every
 * timer overdue. Each must sync exactly once, on a bounded worker pool and a bounded connection pool.
 *
 * <p>The integrations are spread over the four providers, four to an account (one of each: an account holds one
 * live integration per provider), so 500 integrations take 125 accounts, the fewest that can hold them.
 *
 * <p>Set up in two steps around the other measurements: {@link #prepare} enables the integrations (their first
 * syncs find an empty org) and stops the hub; the org then gains its records; {@link #measure} waits until every
 * timer is overdue and starts the hub again.
 */
final class ManyAccountsBench implements AutoCloseable {

    private static final int WORKERS = 4;
    private static final int POOL = 12;

    private final BenchRun run;
    private final String database;
    private final SharedProviders providers = new SharedProviders();
    private final List<OperatorApi.Integration> integrations = new ArrayList<>();
    private Instant lastEnabled;

    ManyAccountsBench(BenchRun run, String database) {
        this.run = run;
        this.database = database;
    }

    void prepare() throws Exception {
        int count = run.sizes.integrations();
        BenchRun.progress("many accounts: enabling " + count + " integrations in " + accounts(count) + " accounts");
        try (HubProcess hub = run.startHub("hub-many-setup", database, settings())) {
            integrations.addAll(providers.enableAll(new OperatorApi(hub.operator()), "Many", count,
                    run.sizes.timerSeconds(), 2));
            lastEnabled = Instant.now();
            try (Connection db = run.db.connect(database)) {
                awaitFinishedRuns(db, Instant.EPOCH, count, Duration.ofMinutes(10));
            }
        }
        providers.fill(run.sizes.recordsEach());
    }

    private static int accounts(int integrations) {
        int each = SharedProviders.PROVIDERS.size();
        return (integrations + each - 1) / each;
    }

    void measure() throws Exception {
        int count = integrations.size();
        Instant due = lastEnabled.plusSeconds(run.sizes.timerSeconds() + 2);
        long wait = Duration.between(Instant.now(), due).toMillis();
        if (wait > 0) {
            BenchRun.progress("many accounts: waiting " + wait / 1000 + " s until every timer is overdue");
            Thread.sleep(wait);
        }
        BenchRun.progress("many accounts: the hub restarts with " + count + " integrations due");
        Instant restart = Instant.now();
        AtomicInteger connections = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (Connection probe = run.db.connect(database); Connection db = run.db.connect(database)) {
            sampler.scheduleAtFixedRate(() -> connections.accumulateAndGet(hubConnections(probe), Math::max),
                    0, 100, TimeUnit.MILLISECONDS);
            try (HubProcess hub = run.startHub("hub-many", database, settings())) {
                awaitFinishedRuns(db, restart, count, Duration.ofMinutes(30));
                Thread.sleep(3000); // anything about to sync twice would start now
                sampler.shutdown();
                sampler.awaitTermination(5, TimeUnit.SECONDS);
                report(new OperatorApi(hub.operator()), restart, connections.get());
            }
        } finally {
            sampler.shutdownNow();
        }
    }

    private void report(OperatorApi api, Instant restart, int peakConnections) throws Exception {
        int records = run.sizes.recordsEach();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<List<JsonNode>>> answers = new ArrayList<>();
        for (OperatorApi.Integration integration : integrations) {
            answers.add(clients.submit(() -> api.runs(integration).stream()
                    .filter(r -> !Instant.parse(r.path("startedAt").asText()).isBefore(restart)).toList()));
        }
        int once = 0;
        int twice = 0;
        List<Instant[]> spans = new ArrayList<>();
        for (Future<List<JsonNode>> answer : answers) {
            List<JsonNode> runs = answer.get();
            boolean complete = runs.size() == 1 && "SUCCEEDED".equals(runs.get(0).path("status").asText())
                    && runs.get(0).path("counts").path("created").asInt() == records;
            once += complete ? 1 : 0;
            twice += runs.size() > 1 ? 1 : 0;
            runs.forEach(r -> spans.add(new Instant[] {Instant.parse(r.path("startedAt").asText()),
                    Instant.parse(r.path("finishedAt").asText())}));
        }
        clients.shutdown();
        int count = integrations.size();
        Instant first = spans.stream().map(s -> s[0]).min(Instant::compareTo).orElseThrow();
        Instant last = spans.stream().map(s -> s[1]).max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(first, last).toMillis() / 1000.0;
        String what = count + " integrations of " + SharedProviders.PROVIDERS.size() + " providers in "
                + accounts(count) + " accounts x " + records + " records";
        run.report(Figure.exactly("many accounts: synced exactly once, all " + records + " records (" + what + ")",
                once, "integrations", count));
        run.report(Figure.exactly("many accounts: synced more than once", twice, "integrations", 0));
        run.report(Figure.atMost("many accounts: most syncs running at once (hub.sync.workers = " + WORKERS + ")",
                mostAtOnce(spans), "runs", WORKERS));
        // the pool, and the one connection of the health check's own pool (config/DatabaseHealth)
        run.report(Figure.atMost("many accounts: most database connections of the hub (pool " + POOL
                + " + 1 for health)", peakConnections, "connections", POOL + 1));
        run.report(Figure.info("many accounts: total time, first sync start to last sync end (" + what
                + ", all due at once)", seconds, "s", null));
        run.report(Figure.info("many accounts: rate", (double) count * records / seconds, "records/s", null));
    }

    private static Map<String, String> settings() {
        return Map.of("HUB_SYNC_WORKERS", Integer.toString(WORKERS), "HUB_DB_POOL_SIZE", Integer.toString(POOL));
    }

    /** The most intervals that overlap at one instant: every start against every end, in time order. */
    static int mostAtOnce(List<Instant[]> spans) {
        List<long[]> events = new ArrayList<>();
        spans.forEach(s -> {
            events.add(new long[] {s[0].toEpochMilli() * 2 + 1, 1});
            events.add(new long[] {s[1].toEpochMilli() * 2, -1}); // an end sorts before a start at the same instant
        });
        events.sort((a, b) -> Long.compare(a[0], b[0]));
        int running = 0;
        int most = 0;
        for (long[] event : events) {
            running += (int) event[1];
            most = Math.max(most, running);
        }
        return most;
    }

    static int hubConnections(Connection probe) {
        try (PreparedStatement s = probe.prepareStatement("select count(*) from pg_stat_activity "
                + "where datname = current_database() and backend_type = 'client backend' and application_name <> ?");
             ResultSet rs = query(s, SharedDatabase.APPLICATION)) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            return 0;
        }
    }

    private static ResultSet query(PreparedStatement statement, String parameter) throws Exception {
        statement.setString(1, parameter);
        return statement.executeQuery();
    }

    static void awaitFinishedRuns(Connection db, Instant since, int count, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement s = db.prepareStatement("select count(distinct integration_id) from sync_run "
                + "where started_at >= ? and status <> 'RUNNING'")) {
            s.setTimestamp(1, Timestamp.from(since));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= count) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("not every integration synced within " + timeout);
    }

    @Override
    public void close() {
        providers.close();
    }
}
