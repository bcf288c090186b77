package io.taskhub.sandbox;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts a simulator's transformer behind its provider's {@link Rationing}: every answer comes after the latency, and
 * an API call over its tenant's budget is refused the provider's way instead of served. It counts the API calls
 * answered and those refused. The wait is a sleep in the serving thread, so a call holds its slot at once until its
 * answer leaves, and the count in flight is exact.
 */
public final class RationingTransformer extends CatchAllTransformer {

    /** Enough for hundreds of calls waiting out their latency at once, each holding a serving thread. */
    private static final int CALLS_AT_ONCE_WITH_LATENCY = 300;

    /** What differs per provider: whose budget a call comes out of, and how the provider refuses it. */
    public interface Provider {

        /** The tenant (org, organisation, company, API key) of an API call; null for a call never rationed. */
        String tenantOf(Request request);

        ResponseDefinition refusal(Refusal refusal);
    }

    private final CatchAllTransformer served;
    private final Rationing rationing;
    private final Provider provider;
    private final TenantBudgets budgets;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    public RationingTransformer(CatchAllTransformer served, Rationing rationing, Provider provider) {
        super(served.getName());
        this.served = served;
        this.rationing = rationing;
        this.provider = provider;
        this.budgets = new TenantBudgets(rationing);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String tenant = provider.tenantOf(serveEvent.getRequest());
        if (tenant == null) {
            return late(served.transform(serveEvent));
        }
        requests.incrementAndGet();
        if (!rationing.limits()) {
            return late(served.transform(serveEvent));
        }
        Refusal refusal = budgets.admit(tenant, System.currentTimeMillis());
        if (refusal != null) {
            throttled.incrementAndGet();
            return late(provider.refusal(refusal));
        }
        try {
            return late(served.transform(serveEvent));
        } finally {
            budgets.release(tenant);
        }
    }

    /** API calls answered, refused ones included, of all tenants. */
    public long requests() {
        return requests.get();
    }

    /** API calls refused for being over their tenant's budget. */
    public long throttled() {
        return throttled.get();
    }

    public void resetCounters() {
        requests.set(0);
        throttled.set(0);
    }

    @Override
    protected int callsAtOnce() {
        return rationing.latency().isZero() ? super.callsAtOnce() : CALLS_AT_ONCE_WITH_LATENCY;
    }

    private ResponseDefinition late(ResponseDefinition answer) {
        Duration latency = rationing.latency();
        if (latency.isZero()) {
            return answer;
        }
        double jitter = rationing.jitter();
        double factor = jitter == 0 ? 1 : 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        try {
            TimeUnit.NANOSECONDS.sleep((long) (latency.toNanos() * factor));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }
}
