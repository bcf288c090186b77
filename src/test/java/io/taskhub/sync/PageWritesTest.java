package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageWritesTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ExecutorService writer = Executors.newFixedThreadPool(2);
    private final PageWrites writes = new PageWrites();
    private final List<String> stored = new ArrayList<>();

    @AfterEach
    void stop() {
        writer.shutdownNow();
    }

    @Test
    void pagesAreStoredOneAfterAnotherInTheOrderHandedOver() throws InterruptedException {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        writes.next(() -> write("page 1", null, firstMayEnd));
        // the second hand-over waits for the first write, which is still running
        Thread second = new Thread(() -> writes.next(() -> write("page 2", null, null)));
        second.start();
        second.join(200);
        assertThat(second.isAlive()).isTrue();
        assertThat(stored()).isEmpty();

        firstMayEnd.countDown();
        second.join(5_000);
        writes.await();
        assertThat(stored()).containsExactly("page 1", "page 2");
    }

    @Test
    void aFailedWriteFailsEveryLaterHandOverAndNothingIsStoredAfterIt() {
        writes.next(() -> write("page 1", new IllegalStateException("lost the lease"), null));

        assertThatThrownBy(() -> writes.next(() -> write("page 2", null, null)))
                .isInstanceOf(PageWrites.PageNotStored.class).hasMessage("lost the lease");
        assertThatThrownBy(writes::await).hasMessage("lost the lease");
        assertThat(stored()).isEmpty();
    }

    @Test
    void settlingWaitsForTheWriteInFlightWithoutThrowing() {
        writes.next(() -> write("page 1", new IllegalStateException("database gone"), null));
        writes.settle();
        assertThatThrownBy(writes::await).hasMessage("database gone");
    }

    @Test
    void aWriteThatCouldNotBeSentCountsAsAFailedWrite() {
        writes.next(() -> CompletableFuture.failedFuture(new IllegalStateException("hub stopping")));

        assertThatThrownBy(() -> writes.next(() -> write("page 2", null, null)))
                .isInstanceOf(PageWrites.PageNotStored.class).hasMessage("hub stopping");
        writes.settle();
        assertThat(stored()).isEmpty();
    }

    /** A write on the writer thread: stores the page unless it fails, after the latch if one is given. */
    private CompletableFuture<Exchange> write(String page, RuntimeException failure, CountDownLatch latch) {
        return CompletableFuture.supplyAsync(() -> {
            Exchange exchange = new DefaultExchange(camel);
            try {
                if (latch != null && !latch.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("latch never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                exchange.setException(failure);
            } else {
                synchronized (stored) {
                    stored.add(page);
                }
            }
            return exchange;
        }, writer);
    }

    private List<String> stored() {
        synchronized (stored) {
            return List.copyOf(stored);
        }
    }
}
