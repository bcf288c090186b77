package io.taskhub.sync;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.taskhub.config.HubProperties;
import io.taskhub.config.PacingProperties;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps each provider tenant within what the provider allows it ({@code hub.pacing}), for timer, forced and webhook
 * runs alike: a run enters only while its tenant has fewer than {@code at-once} runs on this instance (a run sends one
 * call at a time, so that bounds its calls in flight), and each call waits for the tenant's per-minute budget. The
 * hub paces itself rather than bouncing off 429s; a tenant's runs happen on one instance at a time in the usual case
 * (one integration per tenant), so pacing per instance is pacing per tenant.
 */
@Component
public class TenantPacing {

    private static final String ENTERED = "pacedTenantEntered";

    private final PacingProperties limits;
    private final Duration runDeadline;
    private final Map<String, CallBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> runsAtOnce = new ConcurrentHashMap<>();

    @Autowired
    public TenantPacing(PacingProperties limits, HubProperties hub) {
        this(limits, hub.sync().runDeadline());
    }

    TenantPacing(PacingProperties limits, Duration runDeadline) {
        this.limits = limits;
        this.runDeadline = runDeadline;
    }

    /** As a run starts: waits while its tenant has as many runs as it may on this instance, at most the deadline. */
    public void enter(Exchange exchange) throws InterruptedException {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        PacingProperties.Limit limit = limits.of(sync.provider());
        if (limit.atOnce() <= 0) {
            return;
        }
        String tenant = sync.pacedTenant();
        Semaphore slots = runsAtOnce.computeIfAbsent(tenant, t -> new Semaphore(limit.atOnce(), true));
        if (!slots.tryAcquire(runDeadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("waited " + runDeadline.toMinutes() + " min for another run of the same "
                    + sync.provider() + " tenant to end (hub.pacing." + sync.provider() + ".at-once)");
        }
        exchange.setProperty(ENTERED, tenant);
    }

    /** As a run ends, however: frees its tenant's slot, if it took one. */
    public void leave(Exchange exchange) {
        String tenant = exchange.getProperty(ENTERED, String.class);
        if (tenant != null) {
            exchange.removeProperty(ENTERED);
            runsAtOnce.get(tenant).release();
        }
    }

    /** Before a provider call: waits for the tenant's budget. Calls outside a run (checks while enabling) do not wait. */
    public void pace(Exchange exchange) throws InterruptedException {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        if (sync != null) {
            pace(sync);
        }
    }

    public void pace(SyncContext sync) throws InterruptedException {
        PacingProperties.Limit limit = limits.of(sync.provider());
        if (limit.perMinute() <= 0) {
            return;
        }
        long now = System.nanoTime();
        long wait = budgets.computeIfAbsent(sync.pacedTenant(), t -> new CallBudget(limit.perMinute())).reserve(now);
        if (wait > 0) {
            sync.requireTimeLeft(runDeadline, Duration.ofNanos(wait));
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
