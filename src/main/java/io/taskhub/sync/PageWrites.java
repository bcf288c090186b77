package io.taskhub.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.apache.camel.Exchange;

/**
 * The pages of one sync run being stored while the next one is fetched: at most one write in flight, and each
 * waits for the one before, so that pages (and the cursor they move) are stored in the order they were fetched.
 * A write that failed fails every later hand-over and the run: no page is stored after a page that was not.
 */
final class PageWrites {

    private CompletableFuture<Exchange> inFlight;
    private RuntimeException failure;

    /** Waits for the page before, then starts this one's write. */
    synchronized void next(Supplier<CompletableFuture<Exchange>> write) {
        await();
        inFlight = write.get();
    }

    /** Waits until every handed-over page is stored; throws what failed a write. */
    synchronized void await() {
        if (inFlight != null) {
            Throwable error;
            try {
                error = inFlight.join().getException();
            } catch (CompletionException e) {
                error = e.getCause();      // the write could not even be sent (the hub stopping, say)
            } finally {
                inFlight = null;
            }
            if (error != null && failure == null) {
                failure = new PageNotStored(error);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits until the write in flight has ended, however it ended: the run is failing anyway. */
    synchronized void settle() {
        try {
            await();
        } catch (PageNotStored e) {
            // already the run's failure, or after it
        }
    }

    /**
     * A page's write failed after its own retries. The write's failure is kept as suppressed, not as the cause:
     * whoever handed the next page over must not retry what its write route already retried.
     */
    static final class PageNotStored extends RuntimeException {
        PageNotStored(Throwable failure) {
            super(failure.getMessage());
            addSuppressed(failure);
        }
    }
}
