package io.taskhub.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.taskhub.config.HubProperties;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.model.Run;
import io.taskhub.model.RunTrigger;
import jakarta.annotation.PreDestroy;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and runs syncs, whoever asks: an integration's timer or a client's forced sync. Starting takes the
 * integration's lease and opens a run in one transaction, so at most one run per integration exists in the whole
 * cluster; running hands the run to the {@code sync-run} route.
 */
@Service
public class SyncService {

    /** A run that was started now, or the one already running, which a forced sync then reports instead. */
    public record StartedRun(long runId, boolean alreadyRunning) {
    }

    private final JdbcTemplate jdbc;
    private final IntegrationRepository integrations;
    private final RunRepository runs;
    private final HubProperties.Sync settings;
    private final ProducerTemplate camel;
    private final NodeId node;
    private final ExecutorService forced;

    public SyncService(JdbcTemplate jdbc, IntegrationRepository integrations, RunRepository runs, HubProperties hub,
                       ProducerTemplate camel, NodeId node) {
        this.jdbc = jdbc;
        this.integrations = integrations;
        this.runs = runs;
        this.settings = hub.sync();
        this.camel = camel;
        this.node = node;
        // forced syncs run beside the timer's Quartz workers, bounded the same way
        this.forced = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> new Thread(r, "forced-sync"));
    }

    /** Empty when the integration is not active (unlinked, waiting to be re-enabled, or gone). */
    @Transactional
    public Optional<StartedRun> start(long integrationId, RunTrigger trigger, boolean full) {
        // serialises concurrent starts of one integration, on this instance and on every other
        jdbc.queryForList("select id from integration where id = ? for update", integrationId);
        Optional<StoredIntegration> found = integrations.find(integrationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<Run> running = runs.running(integrationId);
        if (!integrations.leaseFree(integrationId)) {
            return running.map(run -> new StartedRun(run.id(), true));
        }
        // the lease had lapsed: whoever ran that run is gone
        running.ifPresent(run -> runs.abandon(run.id()));
        StoredIntegration integration = found.get();
        if (integration.status() != IntegrationStatus.ACTIVE) {
            return Optional.empty();
        }
        boolean reconcile = full || integration.lastFullSyncAt() == null
                || integration.lastFullSyncAt().isBefore(Instant.now().minus(settings.fullEvery()));
        long runId = runs.start(integrationId, trigger, reconcile);
        integrations.lease(integrationId, node.leaseOf(runId), settings.lease());
        return Optional.of(new StartedRun(runId, false));
    }

    /** Runs a started sync on the calling thread and returns the finished run. */
    public Run run(long runId) {
        camel.sendBody("direct:sync-run", runId);
        return runs.find(runId).orElseThrow();
    }

    public CompletableFuture<Run> runInBackground(long runId) {
        return CompletableFuture.supplyAsync(() -> run(runId), forced);
    }

    @PreDestroy
    void stop() {
        forced.shutdownNow();
    }
}
