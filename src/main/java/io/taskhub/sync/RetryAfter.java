package io.taskhub.sync;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.taskhub.config.HubProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Before a throttled request is sent again, waits as long as the provider's {@code Retry-After} says (seconds or an
 * HTTP date), bounded so that a confused provider cannot park a worker for hours.
 */
@Component("retryAfter")
public class RetryAfter implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryAfter.class);

    private final Duration longest;
    private final Duration runDeadline;
    private final SyncMetrics metrics;

    public RetryAfter(HubProperties hub, SyncMetrics metrics) {
        this.longest = hub.sync().longestRetryAfter();
        this.runDeadline = hub.sync().runDeadline();
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        HttpOperationFailedException http = Causes.find(error, HttpOperationFailedException.class);
        Duration wait = http == null ? Duration.ZERO : parse(TransientFailures.header(http, "Retry-After"));
        if (wait.compareTo(longest) > 0) {
            wait = longest;
        }
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        if (sync != null) {
            metrics.throttled(sync.provider());
            sync.requireTimeLeft(runDeadline, wait);
        }
        if (!wait.isZero()) {
            LOG.info("Provider throttled {}: waiting {} s as it asked", http.getUri(), wait.toSeconds());
            Thread.sleep(wait.toMillis());
        }
    }

    static Duration parse(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return Duration.ofSeconds(1);
            }
        }
    }
}
