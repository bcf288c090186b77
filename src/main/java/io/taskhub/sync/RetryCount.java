package io.taskhub.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Before a provider call is sent again after a passing failure: counted, by provider. */
@Component("retryCount")
public class RetryCount implements Processor {

    private final SyncMetrics metrics;

    public RetryCount(SyncMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        if (sync != null) {
            metrics.retried(sync.provider());
        }
    }
}
