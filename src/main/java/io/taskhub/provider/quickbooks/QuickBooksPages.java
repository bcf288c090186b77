package io.taskhub.provider.quickbooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sync.MappedRecord;
import io.taskhub.sync.PageSource;
import io.taskhub.sync.UnreadablePage;
import org.springframework.stereotype.Component;

/**
 * A company's entities through the query endpoint, by STARTPOSITION in id order: everything, or what changed since
 * the cursor minus the overlap. Pages come in id order, not update order, so the cursor moves once the last page is
 * stored; they can shift, so a full reconciliation confirms its unseen rows by id ({@link QuickBooksUnseen}).
 */
@Component("quickbooksPages")
public class QuickBooksPages implements PageSource<QuickBooksPages.Query> {

    /** QuickBooks reads the offset; UTC is as good as the company's own. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    /** One page of an entity; customers active or not (QuickBooks leaves inactive ones out unless asked). */
    public record Query(String entity, Instant since, int start, int size) {

        /** {@code select * from Customer where Metadata.LastUpdatedTime >= '...' and Active in (true, false) ...}. */
        public String text() {
            return select(entity, since == null ? List.of()
                    : List.of("Metadata.LastUpdatedTime >= '" + STAMP.format(since) + "'"), start, size);
        }

        /** The call to make: {@code GET /v3/company/{realmId}/query?query=...}. */
        public QuickBooksRequest call() {
            return QuickBooksRequest.get("query", Map.of("query", text()));
        }
    }

    /** A query of the entity's records that meet the conditions, customers active or not. */
    static String select(String entity, List<String> conditions, int start, int size) {
        List<String> all = new ArrayList<>(conditions);
        if (entity.equals(QuickBooksMapper.CUSTOMER)) {
            all.add("Active in (true, false)");
        }
        return "select * from " + entity + (all.isEmpty() ? "" : " where " + String.join(" and ", all))
                + " startposition " + start + " maxresults " + size;
    }

    private final QuickBooksProperties properties;

    public QuickBooksPages(QuickBooksProperties properties) {
        this.properties = properties;
    }

    @Override
    public Query first(String type, Instant since) {
        return new Query(QuickBooksMapper.entity(type), since, 1, properties.pageSize());
    }

    @Override
    public void check(Query query, JsonNode answer) throws UnreadablePage {
        if (!answer.path("QueryResponse").isObject()) {
            throw new UnreadablePage("QuickBooks' answer to the query of " + query.entity() + " from "
                    + query.start(), "it holds no QueryResponse", null);
        }
    }

    @Override
    public List<JsonNode> records(Query query, JsonNode answer) {
        return QuickBooksMapper.records(answer, query.entity());
    }

    /** A short page is the last one. */
    @Override
    public Query next(Query query, JsonNode answer, int records) {
        return records < query.size() ? null
                : new Query(query.entity(), query.since(), query.start() + query.size(), query.size());
    }

    @Override
    public MappedRecord map(String type, JsonNode record, ImportContext context) {
        String entity = QuickBooksMapper.entity(type);
        if (entity.equals(QuickBooksMapper.CUSTOMER)) {
            QuickBooksCustomer customer = QuickBooksMapper.customer(record);
            return MappedRecord.row(customer, customer.updatedAt());
        }
        QuickBooksDocument document = QuickBooksMapper.document(entity, record);
        return MappedRecord.row(document, document.updatedAt());
    }

    @Override
    public String id(String type, JsonNode record) {
        return record.path("Id").asText(null);
    }

    @Override
    public Duration overlap() {
        return properties.overlap();
    }
}
