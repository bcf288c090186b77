package io.taskhub.provider.quickbooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sync.MappedRecord;
import io.taskhub.sync.ReadCopyPages;
import io.taskhub.sync.RecordsById;
import io.taskhub.sync.UnreadablePage;
import org.springframework.stereotype.Component;

/**
 * A company's entities through the query endpoint, by STARTPOSITION in id order: everything, or what changed since
 * the cursor minus the overlap. Pages come in id order, not update order, so the cursor moves once the last page is
 * stored; they can shift, so a full reconciliation confirms its unseen rows by id, a hundred in one query.
 */
@Component("quickbooksPages")
public class QuickBooksPages implements ReadCopyPages<QuickBooksPages.Query>, RecordsById<QuickBooksRequest> {

    /** QuickBooks reads the offset (queries, change data capture); UTC is as good as the company's own. */
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    /** QuickBooks ids are numbers; anything else is not put into a query, and is kept. */
    private static final Pattern ID = Pattern.compile("[0-9]{1,20}");

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
    private static String select(String entity, List<String> conditions, int start, int size) {
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
    public void check(Query query, JsonNode answer, String page) throws UnreadablePage {
        if (!answer.path("QueryResponse").isObject()) {
            throw new UnreadablePage(page, "it holds no QueryResponse", null);
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

    /** Customers and documents each have their table: {@code qb_customer}, {@code qb_document}. */
    @Override
    public String storeStatement(String type) {
        return QuickBooksMapper.entity(type).equals(QuickBooksMapper.CUSTOMER) ? "sql/quickbooks-customers.sql"
                : "sql/quickbooks-documents.sql";
    }

    @Override
    public boolean askable(String id) {
        return ID.matcher(id).matches();
    }

    /** {@code select * from Invoice where Id in ('130', '131') startposition 1 maxresults 2}. */
    @Override
    public QuickBooksRequest byIds(String type, List<String> ids) {
        if (!ids.stream().allMatch(this::askable)) {
            throw new IllegalArgumentException("not QuickBooks ids: " + ids);
        }
        String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        return QuickBooksRequest.get("query", Map.of("query",
                select(QuickBooksMapper.entity(type), List.of("Id in (" + in + ")"), 1, ids.size())));
    }

    @Override
    public List<String> listed(String type, JsonNode answer) {
        return QuickBooksMapper.records(answer, QuickBooksMapper.entity(type)).stream()
                .map(record -> id(type, record)).filter(Objects::nonNull).toList();
    }
}
