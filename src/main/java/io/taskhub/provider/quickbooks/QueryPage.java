package io.taskhub.provider.quickbooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of an entity to ask the query endpoint for: everything, or what changed since an instant; customers
 * active or not (QuickBooks leaves inactive ones out unless asked).
 *
 * @param start from 1 (STARTPOSITION)
 */
public record QueryPage(String entity, Instant since, int start, int size) {

    /** QuickBooks reads the offset; UTC is as good as the company's own. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    public static QueryPage first(String entity, Instant since, int size) {
        return new QueryPage(entity, since, 1, size);
    }

    public QueryPage next() {
        return new QueryPage(entity, since, start + size, size);
    }

    /** Whether a page this long may be followed by more. */
    public boolean filledBy(int records) {
        return records >= size;
    }

    /** {@code select * from Customer where Metadata.LastUpdatedTime >= '...' and Active in (true, false) ...}. */
    public String text() {
        List<String> conditions = new ArrayList<>();
        if (since != null) {
            conditions.add("Metadata.LastUpdatedTime >= '" + STAMP.format(since) + "'");
        }
        if (entity.equals(QuickBooksMapper.CUSTOMER)) {
            conditions.add("Active in (true, false)");
        }
        return "select * from " + entity + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " startposition " + start + " maxresults " + size;
    }

    public QuickBooksRequest request() {
        return QuickBooksRequest.get("query", Map.of("query", text()));
    }
}
