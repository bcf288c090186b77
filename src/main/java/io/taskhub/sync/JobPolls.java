package io.taskhub.sync;

import java.time.Duration;

import io.taskhub.config.HubProperties;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The wait of a loop that asks a provider whether its job is done (a Bulk API 2.0 query job): the first delay,
 * doubled at each check up to the most, so that a quick job is seen soon and a long one costs few calls; a wait that
 * would pass the run's deadline fails the run instead.
 */
@Component("jobPolls")
public class JobPolls {

    private final Duration runDeadline;

    public JobPolls(HubProperties hub) {
        this.runDeadline = hub.sync().runDeadline();
    }

    /** In the loop's steps: how long to wait before its next check, in milliseconds. */
    public long backOff(Exchange exchange, Duration first, Duration most) {
        int checks = exchange.getProperty(Exchange.LOOP_INDEX, 0, Integer.class);
        Duration delay = first.multipliedBy(1L << Math.min(checks, 20));
        delay = delay.compareTo(most) > 0 ? most : delay;
        exchange.getProperty(SyncContext.PROPERTY, SyncContext.class).requireTimeLeft(runDeadline, delay);
        return delay.toMillis();
    }
}
