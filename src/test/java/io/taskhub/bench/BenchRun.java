package io.taskhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;
import io.taskhub.support.SharedDatabase;

/** What every measurement shares: the sizes, the database server, how hubs are started, the figures so far. */
final class BenchRun {

    /** Every hub gets the same fixed heap: enough for the small sync, and then no more for the big one. */
    static final String HEAP = "-Xmx256m";
    private static final String SECRET_KEY = "bench-secret-key";

    final Sizes sizes;
    final SharedDatabase db;
    final Path work;
    final CpuMeter cpu;
    private final Path jar;
    private final List<Figure> figures = new ArrayList<>();

    BenchRun(Sizes sizes, SharedDatabase db, Path work, Path jar) {
        this.sizes = sizes;
        this.db = db;
        this.work = work;
        this.jar = jar;
        this.cpu = new CpuMeter(work.resolve("postgres"));
    }

    /** A hub process on one database of the shared server, ready to answer. */
    HubProcess startHub(String name, String database) {
        return startHub(name, database, Map.of());
    }

    HubProcess startHub(String name, String database, Map<String, String> env) {
        HubProcess.Options options = new HubProcess.Options(jar, work)
                .database(db.url(database), SharedDatabase.USER, SharedDatabase.PASSWORD, SECRET_KEY)
                .jvm(HEAP, "-XX:+ExitOnOutOfMemoryError");
        String extra = System.getenv("BENCH_HUB_JVM_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            options.jvm(extra.trim().split("\\s+"));
        }
        env.forEach(options::env);
        return HubProcess.start(name, options).awaitReady(Duration.ofMinutes(3));
    }

    void report(Figure figure) {
        figures.add(figure);
        System.out.println(figure.line());
        System.out.flush();
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** On standard error, with the machine's load: the cores are shared with whatever else runs. */
    static void progress(String message) {
        String load;
        try {
            load = String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            load = "?";
        }
        System.err.printf("  [%s, load %s] %s%n", Instant.now().toString().substring(11, 19), load, message);
    }

    /**
     * Enables an integration of the simulated org and waits for its first sync, as a client would: enable, force
     * a sync with {@code ?wait=true} (which reports the first sync if the enabling's timer started it, or is that
     * first sync), keep polling if it outlasts the wait, and read the first run from the integration's runs.
     * Answers that run and the seconds from the enabling request to its end.
     */
    static Timed<JsonNode> enableAndSync(OperatorApi api, long account, SalesforceSimulator org, int intervalSeconds) {
        long start = System.currentTimeMillis();
        OperatorApi.Integration integration = api.enableSalesforce(account, org.baseUrl(),
                SalesforceSimulator.DEFAULT_CLIENT_ID, SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                SalesforceSimulator.DEFAULT_REFRESH_TOKEN, intervalSeconds);
        api.syncToEnd(integration, Duration.ofHours(1), Duration.ofSeconds(1));
        // a small first sync may be over before the forced one arrives, which then runs a second, empty one
        List<JsonNode> runs = api.runs(integration);
        JsonNode run = api.awaitRun(account, runs.get(runs.size() - 1).path("id").asLong(), Duration.ofHours(1),
                Duration.ofSeconds(1));
        // the hub stamps the end; both clocks are this machine's
        long end = Instant.parse(run.path("finishedAt").asText()).toEpochMilli();
        return new Timed<>(integration, run, (end - start) / 1000.0);
    }

    record Timed<T>(OperatorApi.Integration integration, T result, double seconds) {
    }

    /** How long a run took by the hub's own stamps: from taking the lease to booking the outcome. */
    static double runSeconds(JsonNode run) {
        return Duration.between(Instant.parse(run.path("startedAt").asText()),
                Instant.parse(run.path("finishedAt").asText())).toMillis() / 1000.0;
    }

    /** Fails the benchmark when a hub run did not do what was measured. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
