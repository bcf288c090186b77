package io.taskhub.sync;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.taskhub.model.Run;
import io.taskhub.model.RunCounts;
import org.springframework.stereotype.Component;

/**
 * The sync meters at {@code /actuator/prometheus}, tagged by provider, never by integration (bounded cardinality):
 * runs by trigger and outcome, their durations, the records each page brought by type and what became of them, and
 * the provider's passing trouble (throttled answers waited out, calls retried).
 */
@Component
public class SyncMetrics {

    private final MeterRegistry registry;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A run ended, on this instance. */
    public void finished(String provider, Run run) {
        registry.counter("hub.sync.runs", "provider", provider, "trigger", run.trigger().name(),
                "outcome", run.status().name()).increment();
        if (run.finishedAt() != null) {
            Timer.builder("hub.sync.duration").description("How long runs take, from start to end")
                    .tags("provider", provider, "outcome", run.status().name())
                    .publishPercentileHistogram().register(registry)
                    .record(Duration.between(run.startedAt(), run.finishedAt()));
        }
        if (run.dueAt() != null) { // how late a timer run started: whether the workers keep up with the timers
            Duration late = Duration.between(run.dueAt(), run.startedAt());
            Timer.builder("hub.sync.start.delay").description("How long after their trigger's fire time timer runs start")
                    .tags("provider", provider).publishPercentileHistogram().register(registry)
                    .record(late.isNegative() ? Duration.ZERO : late);
        }
    }

    /** What one stored page (or a sweep) did to a type's records. */
    public void stored(String provider, String type, RunCounts counts) {
        add(provider, type, "fetched", counts.fetched());
        add(provider, type, "created", counts.created());
        add(provider, type, "updated", counts.updated());
        add(provider, type, "archived", counts.archived());
        add(provider, type, "restored", counts.restored());
        add(provider, type, "rejected", counts.rejected());
    }

    /** A provider call answered 429 and is sent again after the wait. */
    public void throttled(String provider) {
        registry.counter("hub.provider.throttled", "provider", provider).increment();
    }

    /** A provider call failed in passing (5xx, timeout, unreadable answer) and is sent again. */
    public void retried(String provider) {
        registry.counter("hub.provider.retries", "provider", provider).increment();
    }

    private void add(String provider, String type, String outcome, int records) {
        if (records > 0) {
            Counter.builder("hub.sync.records").description("Records synced, by what became of them")
                    .tags("provider", provider, "type", type, "outcome", outcome).register(registry)
                    .increment(records);
        }
    }
}
