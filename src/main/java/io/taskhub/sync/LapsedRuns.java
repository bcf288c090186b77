package io.taskhub.sync;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.taskhub.config.HubProperties;
import io.taskhub.model.RunTrigger;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recovery without waiting for the next timer fire: every instance looks for RUNNING runs whose lease lapsed (their
 * instance died, or the whole cluster restarted), ends them FAILED ("instance lost") and syncs their integration
 * again at once. Starting takes the integration's row lock, so of several instances that look together one
 * starts the new run and the others find its lease.
 */
@Component
public class LapsedRuns {

    private static final Logger LOG = LoggerFactory.getLogger(LapsedRuns.class);

    private final IntegrationRepository integrations;
    private final SyncService syncs;
    private final long periodMillis;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "lapsed-runs"));

    public LapsedRuns(IntegrationRepository integrations, SyncService syncs, HubProperties hub) {
        this.integrations = integrations;
        this.syncs = syncs;
        this.periodMillis = hub.sync().recoveryCheck().toMillis();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startChecking() {
        checks.scheduleWithFixedDelay(this::recover, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void recover() {
        try {
            for (long integrationId : integrations.withLapsedRuns()) {
                syncs.start(integrationId, RunTrigger.TIMER, false)
                        .filter(started -> !started.alreadyRunning())
                        .ifPresent(started -> {
                            LOG.info("Integration {}: its interrupted sync is synced again as run {}", integrationId,
                                    started.runId());
                            syncs.runInBackground(started.runId());
                        });
            }
        } catch (RuntimeException e) {
            LOG.warn("Looking for interrupted syncs failed: {}", Causes.rootMessage(e));
        }
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
