package io.taskhub.sync;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.taskhub.config.WebhookProperties;
import io.taskhub.model.RunTrigger;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Incremental syncs asked for by provider webhooks, started off the request thread. A change waits a short while
 * for more before its run starts, so that a burst of notifications makes one run; one announced while a run is
 * under way (which may have read past it already) makes one more run once that one ends. The runs start and run the
 * way forced syncs do ({@link SyncService}), with trigger WEBHOOK.
 */
@Component
public class WebhookSyncs {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSyncs.class);

    private final SyncService syncs;
    private final long coalesceMillis;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "webhook-syncs");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookSyncs(SyncService syncs, WebhookProperties webhooks) {
        this.syncs = syncs;
        this.coalesceMillis = webhooks.coalesce().toMillis();
    }

    /** The provider announced a change of this integration's records: a sync starts shortly. */
    public void changed(long integrationId) {
        if (waiting.add(integrationId)) {
            timer.schedule(() -> start(integrationId), coalesceMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void start(long integrationId) {
        waiting.remove(integrationId); // from now on, a change needs another run
        try {
            Optional<SyncService.StartedRun> started = syncs.start(integrationId, RunTrigger.WEBHOOK, false);
            if (started.isEmpty()) {
                LOG.info("Webhook sync of integration {} dropped: the integration is not active", integrationId);
            } else if (started.get().alreadyRunning()) {
                changed(integrationId); // asks again until that run has ended
            } else {
                syncs.runInBackground(started.get().runId());
            }
        } catch (SyncService.Busy e) {
            changed(integrationId);
        } catch (RuntimeException e) {
            // the database is down, say: the integration's timer still catches the change
            LOG.warn("Webhook sync of integration {} not started: {}", integrationId, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
