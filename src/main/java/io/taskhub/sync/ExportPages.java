package io.taskhub.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The results of a completed export job ({@link ExportJob}) as pages of the shared import: each results set (by its
 * locator) handed on in pages by {@link CsvResults}, each row mapped as the provider's own page source maps a record
 * of its pages. The rows come in no order, so the cursor (the latest stamp seen) moves only once the last page is
 * stored: a run that stops half-way leaves it where it was.
 */
public class ExportPages implements PageSource<ExportPages.Request> {

    /**
     * The next page: the results set at {@code locator} (null: the first), after the {@code skip} rows of it
     * already handed on. A set that has to be fetched again (a failed request) is asked for by the same locator.
     */
    public record Request(String locator, int skip) {
    }

    private final PageSource<?> pages;

    /** {@code pages}: the provider's page source, whose mapping, ids and overlap the rows share. */
    public ExportPages(PageSource<?> pages) {
        this.pages = pages;
    }

    @Override
    public Request first(String type, Instant since) {
        if (since != null) {
            throw new IllegalArgumentException("an export job reads a whole type: incremental syncs read pages");
        }
        return new Request(null, 0);
    }

    @Override
    public void check(Request request, JsonNode answer, String page) throws UnreadablePage {
        if (!answer.path("records").isArray()) {
            throw new UnreadablePage(page, "it holds no records", null);
        }
    }

    @Override
    public List<JsonNode> records(Request request, JsonNode answer) {
        return answer.path("records").valueStream().toList();
    }

    @Override
    public Request next(Request request, JsonNode answer, int records) {
        if (!answer.path("setRead").asBoolean()) {
            return new Request(request.locator(), request.skip() + records);
        }
        String next = answer.path("nextLocator").asText(null);
        return next == null ? null : new Request(next, 0);
    }

    /** How many records the job found. */
    @Override
    public Integer total(Request request, JsonNode answer) {
        return answer.path("total").isInt() ? answer.path("total").asInt() : null;
    }

    @Override
    public MappedRecord map(String type, JsonNode record, ImportContext context) {
        return pages.map(type, record, context);
    }

    @Override
    public String id(String type, JsonNode record) {
        return pages.id(type, record);
    }

    @Override
    public Duration overlap() {
        return pages.overlap();
    }
}
