package io.taskhub.config;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's Quartz scheduler fires timers: part of readiness, since an instance whose scheduler stopped
 * syncs nothing on time.
 */
@Component("scheduler")
public class SchedulerHealth implements HealthIndicator {

    private final Scheduler scheduler;

    public SchedulerHealth(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Health health() {
        try {
            if (scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown()) {
                return Health.up().withDetail("name", scheduler.getSchedulerName()).build();
            }
            return Health.down().withDetail("reason", "the scheduler is not running").build();
        } catch (SchedulerException e) {
            return Health.down().withDetail("reason", e.getMessage()).build();
        }
    }
}
