package io.taskhub.provider.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sync.MappedRecord;
import io.taskhub.sync.PageSource;
import io.taskhub.sync.UnreadablePage;
import org.springframework.stereotype.Component;

/**
 * The results of a completed Bulk API 2.0 query job ({@code salesforce-bulk-job}) as pages of the shared import:
 * each results set (by its {@code Sforce-Locator}) handed on in pages of 2,000 rows by {@link SalesforceBulkResults},
 * each row mapped like a REST record. The rows come in no order, so the cursor (the latest SystemModstamp seen)
 * moves only once the last page is stored: a run that stops half-way leaves it where it was.
 */
@Component("salesforceBulkPages")
public class SalesforceBulkPages implements PageSource<SalesforceBulkPages.Request> {

    /**
     * The next page: the results set at {@code locator} (null: the first), after the {@code skip} rows of it
     * already handed on. A set that has to be fetched again (a failed request) is asked for by the same locator.
     */
    public record Request(String locator, int skip) {
    }

    private final SalesforceMapper mapper;
    private final Duration overlap;

    public SalesforceBulkPages(SalesforceProperties properties) {
        this.mapper = new SalesforceMapper(properties.archivedStages());
        this.overlap = properties.overlap();
    }

    @Override
    public Request first(String type, Instant since) {
        if (since != null) {
            throw new IllegalArgumentException("a Bulk query job reads a whole type: incremental syncs use REST");
        }
        return new Request(null, 0);
    }

    @Override
    public void check(Request request, JsonNode answer) throws UnreadablePage {
        if (!answer.path("records").isArray()) {
            throw new UnreadablePage("Salesforce's Bulk results", "they hold no records", null);
        }
    }

    @Override
    public List<JsonNode> records(Request request, JsonNode answer) {
        List<JsonNode> records = new ArrayList<>();
        answer.path("records").forEach(records::add);
        return records;
    }

    @Override
    public Request next(Request request, JsonNode answer, int records) {
        if (!answer.path("setRead").asBoolean()) {
            return new Request(request.locator(), request.skip() + records);
        }
        String next = answer.path("nextLocator").asText(null);
        return next == null ? null : new Request(next, 0);
    }

    /** The job's numberRecordsProcessed. */
    @Override
    public Integer total(Request request, JsonNode answer) {
        return answer.path("total").isInt() ? answer.path("total").asInt() : null;
    }

    @Override
    public MappedRecord map(String type, JsonNode record, ImportContext context) {
        return MappedRecord.task(mapper.map(type, record));
    }

    @Override
    public String id(String type, JsonNode record) {
        return record.path("Id").asText(null);
    }

    @Override
    public Duration overlap() {
        return overlap;
    }
}
