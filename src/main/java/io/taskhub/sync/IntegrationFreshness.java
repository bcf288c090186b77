package io.taskhub.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskhub.provider.Provider;
import io.taskhub.provider.Providers;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How fresh the active integrations are, per provider: how many are overdue (no successful sync for twice their
 * interval) or failing (their last run failed), and the oldest successful sync. Gauges for Prometheus, and the
 * {@code integrations} health group's details: one tenant's trouble is reported there, never made the hub's
 * readiness, so the indicator stays UP and lists what is wrong. Read from the database every 15 s in the
 * background: a scrape or a health probe never waits for it, even with the database gone (the last reading stays).
 */
@Component("integrationFreshness")
public class IntegrationFreshness implements HealthIndicator {

    /** Per provider: overdue, failing, seconds since the oldest last successful sync. */
    record Freshness(long overdue, long failing, double oldestSeconds) {
    }

    /** One integration in trouble, as the operator's health details show it (the newest integrations first). */
    record Trouble(long integrationId, long accountId, String provider, String reason) {
    }

    /** What the last reading found, and when; {@code lowest}: per provider and limit, the least remaining. */
    private record Reading(Map<String, Freshness> byProvider, List<Trouble> troubles,
                           Map<List<String>, Long> lowest, Instant at) {
    }

    private static final Duration EVERY = Duration.ofSeconds(15);
    private static final int LISTED = 20;

    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final Set<List<String>> limitGauges = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(run -> {
        Thread thread = new Thread(run, "integration-freshness");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Reading last = new Reading(Map.of(), List.of(), Map.of(), null);

    public IntegrationFreshness(JdbcTemplate jdbc, MeterRegistry registry, Providers providers) {
        // the syncs' pool: a reading in the background may wait for a connection, no probe waits for it
        this.jdbc = jdbc;
        this.registry = registry;
        for (String provider : providers.all().stream().map(Provider::id).toList()) {
            Gauge.builder("hub.integrations.overdue", this, f -> f.of(provider).overdue())
                    .description("Active integrations with no successful sync for twice their interval")
                    .tag("provider", provider).register(registry);
            Gauge.builder("hub.integrations.failing", this, f -> f.of(provider).failing())
                    .description("Active integrations whose last run failed").tag("provider", provider)
                    .register(registry);
            Gauge.builder("hub.integrations.oldest.sync.age", this, f -> f.of(provider).oldestSeconds())
                    .description("Seconds since the least recently synced active integration's last success")
                    .baseUnit("seconds").tag("provider", provider).register(registry);
        }
        reader.scheduleWithFixedDelay(this::read, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        Reading reading = last;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("providers", reading.byProvider());
        details.put("inTrouble", reading.troubles());
        details.put("readAt", reading.at() == null ? "not yet" : reading.at().toString());
        return Health.up().withDetails(details).build();
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }

    /** One series per provider and limit the providers' answers name: a handful, whatever the number of tenants. */
    private void gaugeLimit(List<String> providerAndLimit) {
        if (limitGauges.add(providerAndLimit)) {
            Gauge.builder("hub.provider.limit.remaining", this,
                            f -> f.last.lowest().getOrDefault(providerAndLimit, 0L).doubleValue())
                    .description("The least budget left among the provider's active integrations, as last seen")
                    .tags("provider", providerAndLimit.get(0), "limit", providerAndLimit.get(1)).register(registry);
        }
    }

    private Freshness of(String provider) {
        return last.byProvider().getOrDefault(provider, new Freshness(0, 0, 0));
    }

    private void read() {
        try {
            Map<String, Freshness> byProvider = new LinkedHashMap<>();
            jdbc.query("""
                    select provider,
                           count(*) filter (where overdue) as overdue,
                           count(*) filter (where failing) as failing,
                           coalesce(max(extract(epoch from now() - coalesce(last_sync_at, created_at))), 0) as oldest
                    from active_integration_health group by provider""",
                    rs -> {
                        byProvider.put(rs.getString(1), new Freshness(rs.getLong(2), rs.getLong(3), rs.getDouble(4)));
                    });
            List<Trouble> troubles = jdbc.query("""
                    select id, account_id, provider,
                           case when failing then 'last run failed: ' || coalesce(last_error, '') else 'overdue' end
                    from active_integration_health where overdue or failing order by id desc limit ?""",
                    (rs, n) -> new Trouble(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), LISTED);
            Map<List<String>, Long> lowest = new HashMap<>();
            jdbc.query("""
                    select i.provider, l.key, min(l.value::bigint)
                    from integration i, jsonb_each_text(i.provider_limits) l
                    where i.status = 'ACTIVE' and i.provider_limits is not null group by i.provider, l.key""",
                    rs -> {
                        lowest.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                    });
            last = new Reading(byProvider, troubles, lowest, Instant.now());
            lowest.keySet().forEach(this::gaugeLimit);
        } catch (DataAccessException unreachable) {
            // the database is out: the last reading stays, and the database check says DOWN meanwhile
        }
    }
}
