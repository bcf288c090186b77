package io.taskhub.sync;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Books a run's counts and progress after each stored page (not only at its end), so that a client polling a
 * RUNNING run sees it grow. Called by the routes that store pages, right after the page's statement.
 */
@Component("progressBooking")
public class ProgressBooking {

    private final RunRepository runs;

    public ProgressBooking(RunRepository runs) {
        this.runs = runs;
    }

    public void stored(@ExchangeProperty("page") StoredPage page,
                       @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        runs.progress(sync.runId(), sync.counts(), sync.stored(page));
    }
}
