package io.taskhub.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskhub.config.HubProperties;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.model.Run;
import io.taskhub.model.RunCounts;
import io.taskhub.model.RunStatus;
import io.taskhub.model.RunTrigger;
import jakarta.annotation.PreDestroy;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and runs syncs, whoever asks: an integration's timer, a client's forced sync or a provider's webhook.
 * Starting takes the integration's lease and opens a run in one transaction, so at most one run per integration
 * exists in the whole cluster; running hands the run to the {@code sync-run} route.
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
    private final LeaseHeartbeat heartbeat;
    private final SyncMetrics metrics;
    private final ThreadPoolExecutor forced;
    private final Map<Long, CompletableFuture<Run>> underway = new ConcurrentHashMap<>();

    public SyncService(JdbcTemplate jdbc, IntegrationRepository integrations, RunRepository runs, HubProperties hub,
                       ProducerTemplate camel, NodeId node, LeaseHeartbeat heartbeat, SyncMetrics metrics,
                       MeterRegistry registry) {
        this.heartbeat = heartbeat;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.integrations = integrations;
        this.runs = runs;
        this.settings = hub.sync();
        this.camel = camel;
        this.node = node;
        // forced syncs run beside the timer's Quartz workers, bounded the same way
        this.forced = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(settings.forcedQueue()), r -> new Thread(r, "forced-sync"));
        Gauge.builder("hub.sync.forced.queue", forced, pool -> pool.getQueue().size())
                .description("Forced syncs waiting for a worker on this instance").register(registry);
    }

    /**
     * Empty when the integration is not active (unlinked, waiting to be re-enabled, or gone). A forced or webhook sync
     * that would start a run while the forced-sync queue is full throws {@link Busy}; one that finds a run reports it.
     * Transactional itself too: the call below does not pass through Spring's proxy, and without a transaction the
     * row lock that serialises concurrent starts is released at once.
     */
    @Transactional
    public Optional<StartedRun> start(long integrationId, RunTrigger trigger, boolean full) {
        return start(integrationId, trigger, full, null);
    }

    /** @param dueAt when a timer run was due (its trigger's scheduled fire time), kept to show how late it starts */
    @Transactional
    public Optional<StartedRun> start(long integrationId, RunTrigger trigger, boolean full, Instant dueAt) {
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
        // webhook syncs run on the forced-sync workers too
        if (trigger != RunTrigger.TIMER && forced.getQueue().remainingCapacity() == 0) {
            throw new Busy(); // before anything is stored: the transaction rolls back
        }
        long runId = runs.start(integrationId, trigger, reconcile, dueAt);
        integrations.lease(integrationId, node.leaseOf(runId), settings.lease());
        heartbeat.started(runId, integrationId); // from now: a run waiting in the forced-sync queue keeps it too
        return Optional.of(new StartedRun(runId, false));
    }

    /**
     * Runs a started sync on the calling thread and returns the finished run. Once the route returns, its lease is
     * no longer kept alive, even if booking the end failed (the database was down then): the lease lapses and
     * {@link LapsedRuns} ends the run FAILED and syncs again, instead of a run left RUNNING under a live lease.
     */
    public Run run(long runId) {
        CompletableFuture<Run> outcome = underway.computeIfAbsent(runId, id -> new CompletableFuture<>());
        SyncLogContext.enter(Map.of("runId", String.valueOf(runId)));
        try {
            camel.sendBody("direct:sync-run", runId);
            Run run = runs.find(runId).orElseThrow();
            // named by SyncRuns.open; a run that failed before it got that far is looked up
            String provider = Optional.ofNullable(SyncLogContext.current().get("provider"))
                    .or(() -> integrations.find(run.integrationId()).map(StoredIntegration::provider)).orElse(null);
            if (provider != null) {
                metrics.finished(provider, run);
            }
            outcome.complete(run);
            return run;
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            throw e;
        } finally {
            heartbeat.ended(runId);
            underway.remove(runId);
            SyncLogContext.leave();
        }
    }

    /** The outcome of a run under way on this instance, for a client that waits for it without polling. */
    public Optional<CompletableFuture<Run>> underway(long runId) {
        return Optional.ofNullable(underway.get(runId));
    }

    /**
     * Runs a started sync on a forced-sync worker. With every worker busy and the queue full, the run ends FAILED at
     * once and {@link Busy} is thrown: the caller is told to come back rather than queued without bound.
     */
    public CompletableFuture<Run> runInBackground(long runId) {
        // known as under way from now, so that a client asking meanwhile waits for this outcome
        CompletableFuture<Run> outcome = underway.computeIfAbsent(runId, id -> new CompletableFuture<>());
        try {
            CompletableFuture.runAsync(() -> run(runId), forced);
            return outcome;
        } catch (RejectedExecutionException e) {
            underway.remove(runId);
            heartbeat.ended(runId);
            runs.finish(runId, RunStatus.FAILED, RunCounts.NONE, "not run: the hub's forced-sync queue was full");
            runs.find(runId).ifPresent(run -> integrations.dropLease(run.integrationId(), node.leaseOf(runId)));
            throw new Busy();
        }
    }

    /** Every forced-sync worker is busy and the queue is full. */
    public static class Busy extends RuntimeException {
        public Busy() {
            super("the hub is running as many forced syncs as it takes: try again shortly");
        }
    }

    @PreDestroy
    void stop() {
        forced.shutdownNow();
    }
}
