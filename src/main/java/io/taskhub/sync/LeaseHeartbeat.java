package io.taskhub.sync;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.taskhub.config.HubProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the leases of this instance's running syncs alive while they live, whatever they wait for (slow pages, a
 * provider's Retry-After, a page write): a lease lapses only when its instance stops beating, that is when it died or
 * froze. A run that lost its lease anyway stops at its next write, which checks the lease in the same statement.
 */
@Component
public class LeaseHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final IntegrationRepository integrations;
    private final NodeId node;
    private final Duration lease;
    private final Map<Long, Long> integrationOfRun = new ConcurrentHashMap<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "lease-heartbeat"));

    public LeaseHeartbeat(IntegrationRepository integrations, NodeId node, HubProperties hub) {
        this.integrations = integrations;
        this.node = node;
        this.lease = hub.sync().lease();
        long period = Math.max(250, lease.toMillis() / 4);
        beats.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    void started(long runId, long integrationId) {
        integrationOfRun.put(runId, integrationId);
    }

    void ended(long runId) {
        integrationOfRun.remove(runId);
    }

    private void beat() {
        integrationOfRun.forEach((runId, integrationId) -> {
            try {
                if (!integrations.renewLease(integrationId, node.leaseOf(runId), lease)) {
                    LOG.warn("Sync {} of integration {} lost its lease: it stops at its next write", runId,
                            integrationId);
                    integrationOfRun.remove(runId);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the lease of sync {}: {}", runId, Causes.rootMessage(e));
            }
        });
    }

    @PreDestroy
    void stop() {
        beats.shutdownNow();
    }
}
