package io.taskhub.provider.quickbooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.taskhub.config.HubProperties;
import io.taskhub.model.RejectedRecord;
import io.taskhub.model.RunCounts;
import io.taskhub.provider.RecordRejected;
import io.taskhub.sync.NodeId;
import io.taskhub.sync.StoredPage;
import io.taskhub.sync.SyncContext;
import io.taskhub.sync.SyncMetrics;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The small processors of the QuickBooks route: where each entity's query starts, its pages mapped and prepared for
 * {@code sql/quickbooks-*.sql} (one statement per page, the page as JSON in a bound parameter), the sweep after a full
 * reconciliation, and the deletions change data capture reports.
 */
@Component("quickbooksDocuments")
public class QuickBooksDocuments {

    /** Exchange properties: the entities in order, the next page to ask for (null after the last one)... */
    public static final String ENTITIES = "quickbooksEntities";
    public static final String QUERY = "quickbooksQuery";
    /** ...and where change data capture starts (null on a full reconciliation, which sweeps instead). */
    public static final String DELETIONS_SINCE = "quickbooksDeletionsSince";
    private static final String STORED_CURSOR = "quickbooksStoredCursor";
    private static final String CURSOR = "quickbooksCursor";
    private static final DateTimeFormatter CDC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    /** One mapped page of an entity, and where its cursor may move once the page is stored (null: unchanged). */
    public record Page(String entity, List<QuickBooksCustomer> customers, List<QuickBooksDocument> documents,
                       List<RejectedRecord> rejected, String cursor) implements StoredPage {

        @Override
        public String type() {
            return QuickBooksMapper.type(entity);
        }

        @Override
        public int records() {
            return customers.size() + documents.size() + rejected.size();
        }
    }

    private final QuickBooksCalls calls;
    private final QuickBooksProperties properties;
    private final ObjectMapper json;
    private final NodeId node;
    private final long leaseSeconds;
    private final SyncMetrics metrics;

    public QuickBooksDocuments(QuickBooksCalls calls, QuickBooksProperties properties, ObjectMapper json, NodeId node,
                               HubProperties hub, SyncMetrics metrics) {
        this.metrics = metrics;
        this.calls = calls;
        this.properties = properties;
        this.json = json.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        this.node = node;
        this.leaseSeconds = hub.sync().lease().toSeconds();
    }

    /**
     * The company and its entities. Change data capture starts where the oldest entity's query started last time,
     * so that deletions between two syncs are never missed, but no earlier than QuickBooks remembers.
     */
    public void start(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        exchange.setProperty(QuickBooksCalls.COMPANY, calls.company(sync.integrationId(), sync.connection()));
        exchange.setProperty(ENTITIES, QuickBooksMapper.ENTITIES);
        Instant since = sync.full() ? null : QuickBooksMapper.ENTITIES.stream()
                .map(entity -> sync.cursor(QuickBooksMapper.type(entity)))
                .filter(Objects::nonNull).map(Instant::parse).min(Instant::compareTo)
                .map(oldest -> oldest.minus(properties.overlap()))
                .map(oldest -> later(oldest, Instant.now().minus(properties.cdcWindow())))
                .orElse(null);
        exchange.setProperty(DELETIONS_SINCE, since);
    }

    /**
     * A full reconciliation reads the whole entity; otherwise the query asks for what changed since the cursor minus
     * the overlap. The cursor only moves once the last page is stored: pages come in id order, not update order, so
     * a run that stops half-way must not skip what its later pages held.
     */
    public void startFetch(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        String entity = exchange.getProperty("entity", String.class);
        String cursor = sync.cursor(QuickBooksMapper.type(entity));
        Instant since = cursor == null ? null : Instant.parse(cursor).minus(properties.overlap());
        exchange.setProperty(QUERY, QueryPage.first(entity, since, properties.pageSize()));
        exchange.setProperty(STORED_CURSOR, cursor);
        exchange.setProperty(CURSOR, cursor);
    }

    public void request(Exchange exchange) {
        exchange.setProperty(QuickBooksCalls.REQUEST, exchange.getProperty(QUERY, QueryPage.class).request());
    }

    /** Body: a query answer. Leaves the mapped page as the body, and the next page (or none) to ask for. */
    public void mapPage(Exchange exchange) {
        QueryPage query = exchange.getProperty(QUERY, QueryPage.class);
        String entity = query.entity();
        String type = QuickBooksMapper.type(entity);
        List<JsonNode> records = QuickBooksMapper.records(exchange.getIn().getBody(JsonNode.class), entity);
        List<QuickBooksCustomer> customers = new ArrayList<>();
        List<QuickBooksDocument> documents = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        Instant latest = cursorInstant(exchange.getProperty(CURSOR, String.class));
        for (JsonNode record : records) {
            try {
                Instant updated;
                if (entity.equals(QuickBooksMapper.CUSTOMER)) {
                    QuickBooksCustomer customer = QuickBooksMapper.customer(record);
                    customers.add(customer);
                    updated = customer.updatedAt();
                } else {
                    QuickBooksDocument document = QuickBooksMapper.document(entity, record);
                    documents.add(document);
                    updated = document.updatedAt();
                }
                latest = latest == null || updated.isAfter(latest) ? updated : latest;
            } catch (RecordRejected e) {
                rejected.add(new RejectedRecord(type, record.path("Id").asText(null), e.getMessage(),
                        record.toString()));
            }
        }
        String cursor = latest == null ? null : latest.toString();
        exchange.setProperty(CURSOR, cursor);
        boolean more = query.filledBy(records.size());
        exchange.setProperty(QUERY, more ? query.next() : null);
        exchange.getIn().setBody(new Page(entity, customers, documents, rejected, more ? null : cursor));
    }

    /** The bound parameters of {@code sql/quickbooks-customers.sql} or {@code sql/quickbooks-documents.sql}. */
    public Map<String, Object> pageParameters(@Body Page page, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        Map<String, Object> parameters = common(sync);
        parameters.put("seenRunId", sync.full() ? sync.runId() : null);
        parameters.put("type", QuickBooksMapper.type(page.entity()));
        parameters.put("cursor", page.cursor());
        parameters.put("customers", write(page.customers()));
        parameters.put("documents", write(page.documents()));
        parameters.put("rejected", write(page.rejected()));
        return parameters;
    }

    /**
     * Books the statement's answer. Fetched counts what was new or changed (an overlap's unchanged re-reads are not
     * news), or everything on a full reconciliation; stops the sync if another instance took the lease over.
     */
    public void written(@Body Map<String, Object> result, @ExchangeProperty("page") Page page,
                        @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        sync.requireLease(result);
        int created = number(result, "created");
        int updated = number(result, "updated");
        int received = page.customers().size() + page.documents().size();
        int fetched = (sync.full() ? received : created + updated) + page.rejected().size();
        RunCounts counts = new RunCounts(fetched, created, updated, 0, 0, page.rejected().size());
        sync.add(counts);
        metrics.stored(sync.provider(), QuickBooksMapper.type(page.entity()), counts);
    }

    public Map<String, Object> sweepParameters(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        String entity = exchange.getProperty("entity", String.class);
        Map<String, Object> parameters = common(sync);
        parameters.put("entity", entity);
        parameters.put("documentType", entity.equals(QuickBooksMapper.CUSTOMER) ? null
                : QuickBooksMapper.documentType(entity));
        return parameters;
    }

    /** What QuickBooks deleted counts as archived: the read copy keeps no trace of it. */
    public void swept(@Body Map<String, Object> result, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync,
                      @ExchangeProperty("entity") String entity) {
        sync.requireLease(result);
        RunCounts counts = new RunCounts(0, 0, 0, number(result, "deleted"), 0, 0);
        sync.add(counts);
        metrics.stored(sync.provider(), QuickBooksMapper.type(entity), counts);
    }

    public void deletionsRequest(Exchange exchange) {
        Instant since = exchange.getProperty(DELETIONS_SINCE, Instant.class);
        exchange.setProperty(QuickBooksCalls.REQUEST, QuickBooksRequest.get("cdc", Map.of(
                "entities", String.join(",", QuickBooksMapper.ENTITIES), "changedSince", CDC_TIME.format(since))));
    }

    /** Body: a change data capture answer. Answers the bound parameters of {@code sql/quickbooks-deletions.sql}. */
    public Map<String, Object> deletionParameters(@Body JsonNode answer,
                                                  @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        Map<String, Object> parameters = common(sync);
        parameters.put("deleted", write(QuickBooksMapper.deletions(answer)));
        return parameters;
    }

    public void deleted(@Body Map<String, Object> result, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        sync.requireLease(result);
        sync.add(new RunCounts(0, 0, 0, number(result, "deleted"), 0, 0));
    }

    private Map<String, Object> common(SyncContext sync) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("integrationId", sync.integrationId());
        parameters.put("runId", sync.runId());
        parameters.put("node", node.leaseOf(sync.runId()));
        parameters.put("leaseSeconds", leaseSeconds);
        return parameters;
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

    private static Instant cursorInstant(String cursor) {
        return cursor == null ? null : Instant.parse(cursor);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
