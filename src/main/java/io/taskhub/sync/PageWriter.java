package io.taskhub.sync;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.taskhub.config.HubProperties;
import io.taskhub.model.RunCounts;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores the mapped pages of the provider routes. A page handed over is stored by the {@code sync-store-page} route
 * on a writer thread while the provider route fetches and maps the next one (PostgreSQL and the hub then work at
 * once, each on its own core); {@link PageWrites} keeps one write in flight per run, in order.
 *
 * <p>The statement {@code sql/write-page.sql} gets the whole page in bound parameters (the tasks as
 * {@link TaskColumns}, clients and rejected records as JSON): one round trip and one statement per page, whatever
 * its size. What it did is booked on the run.
 */
@Component("pageWriter")
public class PageWriter {

    private final ObjectMapper json;
    private final NodeId node;
    private final long leaseSeconds;
    private final Duration runDeadline;
    private final ExecutorService writers;
    private final ProducerTemplate store;
    private final SyncMetrics metrics;

    public PageWriter(ObjectMapper json, NodeId node, HubProperties hub, CamelContext camel, SyncMetrics metrics) {
        this.metrics = metrics;
        this.json = StorableText.writer(json).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        this.node = node;
        this.leaseSeconds = hub.sync().lease().toSeconds();
        this.runDeadline = hub.sync().runDeadline();
        // one writer per run that can be under way: the timer's workers and as many forced syncs
        this.writers = camel.getExecutorServiceManager().newFixedThreadPool("sync-page-writer", "sync-page-writer",
                2 * hub.sync().workers());
        this.store = camel.createProducerTemplate();
    }

    /** Body: a mapped page. Waits for the run's previous page to be stored, then stores this one meanwhile. */
    public void handOver(@Body MappedPage page, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        sync.requireTimeLeft(runDeadline, Duration.ZERO);
        Map<String, String> logContext = SyncLogContext.current();
        sync.writes().next(() -> CompletableFuture.supplyAsync(() -> {
            SyncLogContext.enter(logContext);
            try {
                return store.send("direct:sync-store-page", e -> {
                    e.getIn().setBody(page);
                    e.setProperty(SyncContext.PROPERTY, sync);
                });
            } finally {
                SyncLogContext.leave();
            }
        }, writers));
    }

    /** Waits until every page handed over is stored; fails with the first write that failed. */
    public void stored(@ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        sync.writes().await();
    }

    /** Waits for the write in flight of a run that is failing, without adding its failure. */
    public void settle(@ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        if (sync != null) {
            sync.writes().settle();
        }
    }

    public Map<String, Object> parameters(MappedPage page, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        Map<String, Object> parameters = TaskColumns.parameters(page.tasks(), sync::defaultParent);
        parameters.put("accountId", sync.accountId());
        parameters.put("provider", sync.provider());
        parameters.put("clients", write(page.clients()));
        return bind(parameters, page, sync);
    }

    /** A read copy's page (QuickBooks): its rows as JSON ({@code :#rows}) for the provider's own statement. */
    public Map<String, Object> copyParameters(MappedPage page,
                                              @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("rows", write(page.rows()));
        return bind(parameters, page, sync);
    }

    private Map<String, Object> bind(Map<String, Object> parameters, MappedPage page, SyncContext sync) {
        parameters.put("integrationId", sync.integrationId());
        parameters.put("runId", sync.runId());
        parameters.put("seenRunId", sync.full() ? sync.runId() : null);
        parameters.put("type", page.type());
        parameters.put("cursor", page.cursor());
        parameters.put("rejected", write(page.rejected()));
        parameters.put("node", node.leaseOf(sync.runId()));
        parameters.put("leaseSeconds", leaseSeconds);
        return parameters;
    }

    /** Books the statement's answer; stops the sync if another run took the lease over meanwhile. */
    public void written(Map<String, Object> result, @ExchangeProperty("page") MappedPage page,
                        @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        sync.requireLease(result);
        RunCounts counts = new RunCounts(page.fetched(), number(result, "created"), number(result, "updated"),
                number(result, "archived"), number(result, "restored"), page.rejected().size());
        sync.add(counts);
        metrics.stored(sync.provider(), page.type(), counts);
    }

    /**
     * Books a read copy's statement (created, updated). Its overlap is not filtered before the statement, which
     * leaves unchanged rows untouched: only what it created or updated was news, or everything on a full
     * reconciliation.
     */
    public void copied(Map<String, Object> result, @ExchangeProperty("page") MappedPage page,
                       @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        sync.requireLease(result);
        int created = number(result, "created");
        int updated = number(result, "updated");
        int fetched = (sync.full() ? page.rows().size() : created + updated) + page.rejected().size();
        RunCounts counts = new RunCounts(fetched, created, updated, 0, 0, page.rejected().size());
        sync.add(counts);
        metrics.stored(sync.provider(), page.type(), counts);
    }

    public Map<String, Object> sweepParameters(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        return Map.of("integrationId", sync.integrationId(), "runId", sync.runId(),
                "type", exchange.getProperty("type", String.class), "node", node.leaseOf(sync.runId()));
    }

    public void swept(Map<String, Object> result, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync,
                      @ExchangeProperty("type") String type) {
        sync.requireLease(result);
        RunCounts counts = new RunCounts(0, 0, 0, number(result, "archived"), 0, 0);
        sync.add(counts);
        metrics.stored(sync.provider(), type, counts);
    }

    private static int number(Map<String, Object> result, String column) {
        return ((Number) result.get(column)).intValue();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise a page", e);
        }
    }
}
