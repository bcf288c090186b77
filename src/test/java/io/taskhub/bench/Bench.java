package io.taskhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.taskhub.support.HubProcess;
import io.taskhub.support.SharedDatabase;

/**
 * The benchmark driver behind {@code bench/run}: one embedded PostgreSQL, the packaged hub started as separate
 * processes on databases of it, the provider simulators in this JVM. Prints one line per figure on standard
 * output ({@code name: value unit (target: ...) PASS|MISS}), progress on standard error, and exits 0 when every
 * target passed, 1 when one was missed, 2 when a measurement failed (System.exit: the simulators' servers leave
 * non-daemon threads behind).
 *
 * <p>Arguments: {@code --quick} for a tenth of the sizes; {@code --jar PATH} for the hub jar (default: the one
 * in {@code target/}); {@code --only full-sync} for the floor and the big integration alone (the figure a change
 * to the write path moves), {@code --only many-accounts} for the many integrations due at once, {@code --only
 * recovery} for the takeover of a killed instance's sync, {@code --only webhooks} for webhook to visible,
 * {@code --only freshness} for many integrations kept fresh at real-world latency, {@code --only provider-time} for
 * a full sync against the provider's own serving time, {@code --only bulk} for a large org's full sync by REST pages
 * against a Bulk API 2.0 query job. The
 * environment variable {@code BENCH_HUB_JVM_OPTIONS} adds options to every hub process (a profiler, say).
 */
public final class Bench {

    /**
     * The main hub: Xero's webhook key, and the big integration read in REST pages as the floor reads them (above
     * hub.salesforce.bulk-threshold it would go through Bulk API 2.0, which {@link BulkBench} measures).
     */
    private static final Map<String, String> MAIN_HUB = Map.of("HUB_XERO_WEBHOOK_KEY", WebhookBench.XERO_KEY,
            "HUB_SALESFORCE_BULKTHRESHOLD", "100000000");

    private Bench() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(List.of(args)));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static int run(List<String> arguments) throws Exception {
        Sizes sizes = arguments.contains("--quick") ? Sizes.quick() : Sizes.full();
        Path jar = arguments.contains("--jar") ? Path.of(arguments.get(arguments.indexOf("--jar") + 1)) : packagedJar();
        Path work = Path.of("target", "bench");
        Files.createDirectories(work);
        BenchRun.progress("sizes " + sizes + ", hub " + jar + ", logs under " + work);
        int status;
        try (SharedDatabase db = SharedDatabase.start(work.resolve("postgres"))) {
            List.of("hub_main", "hub_small", "hub_many", "hub_recovery", "hub_fresh", "hub_rest", "hub_bulk")
                    .forEach(db::create);
            BenchRun run = new BenchRun(sizes, db, work, jar);
            String only = arguments.contains("--only") ? arguments.get(arguments.indexOf("--only") + 1) : "all";
            switch (only) {
                case "all" -> measure(run);
                case "full-sync" -> measureFullSync(run);
                case "many-accounts" -> measureManyAccounts(run);
                case "recovery" -> new RecoveryBench(run).measure("hub_recovery");
                case "webhooks" -> measureWebhooks(run);
                case "freshness" -> new FreshnessBench(run).measure("hub_fresh");
                case "provider-time" -> measureProviderTime(run);
                case "bulk" -> new BulkBench(run).measure("hub_rest", "hub_bulk");
                default -> throw new IllegalArgumentException(
                        "--only full-sync, many-accounts, recovery, webhooks, freshness, provider-time or bulk");
            }
            List<Figure> missed = run.figures().stream().filter(f -> Boolean.FALSE.equals(f.pass())).toList();
            BenchRun.progress(missed.isEmpty() ? "every target met" : missed.size() + " target(s) missed");
            status = missed.isEmpty() ? 0 : 1;
        }
        return status;
    }

    private static void measure(BenchRun run) throws Exception {
        try (ManyAccountsBench many = new ManyAccountsBench(run, "hub_many")) {
            many.prepare();
            MemoryBench memory = new MemoryBench(run);
            MemoryBench.Peak small = memory.baseline("hub_small");
            try (HubProcess hub = run.startHub("hub-main", "hub_main", MAIN_HUB)) {
                MemoryBench.Peak big = new BigIntegrationBench(run).measure(hub, "hub_main");
                memory.compare(small, big);
                new LatencyBench(run).measure(hub);
                new WebhookBench(run).measure(hub);
                new StockPatternBench(run).measure(hub, "hub_main");
                new ProviderTimeBench(run).measure(hub, "hub_main");
            }
            many.measure();
        }
        new RecoveryBench(run).measure("hub_recovery");
        new BulkBench(run).measure("hub_rest", "hub_bulk");
        new FreshnessBench(run).measure("hub_fresh");
    }

    private static void measureProviderTime(BenchRun run) throws Exception {
        try (HubProcess hub = run.startHub("hub-main", "hub_main", MAIN_HUB)) {
            new ProviderTimeBench(run).measure(hub, "hub_main");
        }
    }

    private static void measureFullSync(BenchRun run) throws Exception {
        try (HubProcess hub = run.startHub("hub-main", "hub_main", MAIN_HUB)) {
            MemoryBench.Peak peak = new BigIntegrationBench(run).measure(hub, "hub_main");
            run.report(Figure.info("memory: peak heap of this hub (-Xmx256m)", peak.heapMib(), "MiB", null));
        }
    }

    private static void measureWebhooks(BenchRun run) {
        try (HubProcess hub = run.startHub("hub-main", "hub_main", MAIN_HUB)) {
            new WebhookBench(run).measure(hub);
        }
    }

    private static void measureManyAccounts(BenchRun run) throws Exception {
        try (ManyAccountsBench many = new ManyAccountsBench(run, "hub_many")) {
            many.prepare();
            many.measure();
        }
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("taskhub-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no hub jar in target/: package first"));
        }
    }
}
