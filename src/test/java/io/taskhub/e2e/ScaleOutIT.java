package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;
import io.taskhub.support.Poll;
import io.taskhub.support.SharedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three hub instances, the packaged jar each, on one PostgreSQL: the instance running a sync is killed (SIGKILL)
 * mid-sync, and the survivors take the sync over once its lease lapses (Quartz recovers the killed instance's
 * job), so that every record ends up imported exactly once and no two runs of the integration ever overlap.
 * Leases and cluster check-ins are shortened so that the takeover comes within seconds.
 */
class ScaleOutIT {

    private static final int RECORDS = 100_000;
    private static final Path WORK = Path.of("target", "scale-out-it");

    private final List<HubProcess> hubs = new ArrayList<>();
    private SharedDatabase db;
    private SalesforceSimulator org;

    @AfterEach
    void tearDown() {
        hubs.forEach(HubProcess::close);
        if (org != null) {
            org.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aSyncOfAKilledInstanceIsTakenOverAndImportsEveryRecordOnce() {
        db = SharedDatabase.start(WORK.resolve("postgres"));
        String url = db.create("hub");
        org = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(RECORDS).withCases(0));
        // the first instance creates the schema and the operator; the others join the cluster it started
        hubs.add(start("hub-1", url).awaitReady(Duration.ofMinutes(2)));
        hubs.add(start("hub-2", url));
        hubs.add(start("hub-3", url));
        hubs.forEach(hub -> hub.awaitReady(Duration.ofMinutes(2)));

        OperatorApi first = new OperatorApi(hubs.get(0).operator());
        long account = first.createAccount("Scale-out");
        OperatorApi.Integration integration = first.enableSalesforce(account, org.baseUrl(),
                SalesforceSimulator.DEFAULT_CLIENT_ID, SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                SalesforceSimulator.DEFAULT_REFRESH_TOKEN, 3600);

        // its first sync starts at once, on whichever instance Quartz fires the trigger
        JsonNode run = await(() -> latestRun(first, integration), r -> r != null, Duration.ofSeconds(60));
        HubProcess runner = await(() -> hubs.stream().filter(hub -> hub.logContains(
                "Sync started: SyncContext[run " + run.path("id").asLong() + ",")).findFirst().orElse(null),
                hub -> hub != null, Duration.ofSeconds(30));
        List<HubProcess> survivors = hubs.stream().filter(hub -> hub != runner).toList();
        OperatorApi survivor = new OperatorApi(survivors.get(0).operator());
        await(() -> survivor.taskCount(integration, "opportunities"), stored -> stored > 0, Duration.ofSeconds(60));
        runner.kill();
        long storedAtKill = survivor.taskCount(integration, "opportunities");
        assertThat(storedAtKill).as("killed mid-sync").isLessThan(RECORDS);

        // watched through both survivors in turn until a run completes
        Map<Long, JsonNode> runs = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int turn = 0;
        while (runs.values().stream().noneMatch(r -> r.path("status").asText().equals("SUCCEEDED"))) {
            assertThat(System.nanoTime()).as("a survivor completes the sync in time").isLessThan(deadline);
            List<JsonNode> seen = new OperatorApi(survivors.get(turn++ % survivors.size()).operator()).runs(integration);
            assertThat(seen.stream().filter(r -> r.path("status").asText().equals("RUNNING")).count())
                    .as("runs of one integration RUNNING at once").isLessThanOrEqualTo(1);
            seen.forEach(r -> runs.put(r.path("id").asLong(), r));
            pause(200);
        }

        assertThat(survivor.taskCount(integration, "opportunities")).isEqualTo(RECORDS);
        JsonNode killed = runs.get(run.path("id").asLong());
        assertThat(killed.path("status").asText()).isEqualTo("FAILED");
        assertThat(killed.path("error").asText()).startsWith("instance lost");
        JsonNode completed = runs.values().stream().filter(r -> r.path("status").asText().equals("SUCCEEDED"))
                .findFirst().orElseThrow();
        assertThat(completed.path("counts").path("fetched").asInt()).isEqualTo(RECORDS);
        assertNoOverlap(new ArrayList<>(survivor.runs(integration)));
    }

    /** Each run ends before the next one of the integration starts. */
    private static void assertNoOverlap(List<JsonNode> runs) {
        runs.sort(Comparator.comparing(r -> Instant.parse(r.path("startedAt").asText())));
        for (int i = 1; i < runs.size(); i++) {
            Instant previousEnd = Instant.parse(runs.get(i - 1).path("finishedAt").asText());
            Instant nextStart = Instant.parse(runs.get(i).path("startedAt").asText());
            assertThat(previousEnd).as("run %s ends before run %s starts", runs.get(i - 1).path("id"),
                    runs.get(i).path("id")).isBeforeOrEqualTo(nextStart);
        }
    }

    private HubProcess start(String name, String url) {
        return HubProcess.start(name, new HubProcess.Options(Path.of(System.getProperty("hub.jar")), WORK)
                .database(url, SharedDatabase.USER, SharedDatabase.PASSWORD, "scale-out-secret")
                // a silent instance loses its lease after 5 s; the cluster notices a dead one within ~10 s
                .env("HUB_SYNC_LEASE", "5s")
                .env("SPRING_APPLICATION_JSON",
                        "{\"spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval\": 2000}")
                // three JVMs share two cores here: the quick compiler is enough
                .jvm("-Xmx256m", "-XX:TieredStopAtLevel=1"));
    }

    private static JsonNode latestRun(OperatorApi api, OperatorApi.Integration integration) {
        List<JsonNode> runs = api.runs(integration);
        return runs.isEmpty() ? null : runs.get(0);
    }

    private static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        T value = Poll.until(probe, done, timeout);
        assertThat(done.test(value)).as("waited %s", timeout).isTrue();
        return value;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
