package io.taskhub.sync;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Quartz trigger per active integration, in the clustered JDBC job store shared by every hub instance: each
 * firing happens on exactly one instance, a firing missed while every instance was down happens at the next start,
 * and the trigger's own next and previous fire times are the integration's timer.
 */
@Component
public class SyncScheduler {

    /** When an integration's trigger fires next, and when it last fired (null before its first fire). */
    public record FireTimes(Instant next, Instant last) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);
    private static final String GROUP = "integration-sync";

    private final Scheduler scheduler;
    private final IntegrationRepository integrations;

    public SyncScheduler(Scheduler scheduler, IntegrationRepository integrations) {
        this.scheduler = scheduler;
        this.integrations = integrations;
    }

    /** Starts firing once Camel and its routes run, and re-creates any trigger that went missing. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() throws SchedulerException {
        for (StoredIntegration integration : integrations.active()) {
            if (!scheduler.checkExists(jobKey(integration.id()))) {
                schedule(integration.id(), integration.intervalSeconds(), Instant.now());
            }
        }
        scheduler.start();
        LOG.info("Sync scheduler started (instance {})", scheduler.getSchedulerInstanceId());
    }

    /** First fire at {@code firstFire}, then every {@code intervalSeconds}. Replaces any earlier trigger. */
    public void schedule(long integrationId, int intervalSeconds, Instant firstFire) {
        JobDetail job = JobBuilder.newJob(SyncJob.class)
                .withIdentity(jobKey(integrationId))
                .usingJobData(SyncJob.INTEGRATION_ID, integrationId)
                // another instance re-runs the sync if the one running it dies
                .requestRecovery()
                .build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger(integrationId, intervalSeconds, firstFire)), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule integration " + integrationId, e);
        }
    }

    /** A new interval takes effect at once: the next fire is one new interval after the last, or now if past. */
    public void reschedule(long integrationId, int intervalSeconds) {
        Instant last = fireTimes(integrationId).map(FireTimes::last).orElse(null);
        Instant next = last == null ? Instant.now().plusSeconds(intervalSeconds) : last.plusSeconds(intervalSeconds);
        if (next.isBefore(Instant.now())) {
            next = Instant.now();
        }
        schedule(integrationId, intervalSeconds, next);
    }

    public void unschedule(long integrationId) {
        try {
            scheduler.deleteJob(jobKey(integrationId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule integration " + integrationId, e);
        }
    }

    /** Empty when the integration has no trigger: it is unlinked or waits to be re-enabled. */
    public Optional<FireTimes> fireTimes(long integrationId) {
        try {
            return Optional.ofNullable(scheduler.getTrigger(triggerKey(integrationId)))
                    .map(t -> new FireTimes(instant(t.getNextFireTime()), instant(t.getPreviousFireTime())));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Trigger trigger(long integrationId, int intervalSeconds, Instant firstFire) {
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(integrationId))
                .forJob(jobKey(integrationId))
                .startAt(Date.from(firstFire))
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(intervalSeconds)
                        // a sync missed while the hub was down runs once at start, not once per missed interval
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build();
    }

    private static JobKey jobKey(long integrationId) {
        return JobKey.jobKey("integration-" + integrationId, GROUP);
    }

    private static TriggerKey triggerKey(long integrationId) {
        return TriggerKey.triggerKey("integration-" + integrationId, GROUP);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
