package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.TaskRecord;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * One record dated in the future (a provider's clock, or its data) must not carry the cursor past the import's
 * start, where it would hide every later change until a full reconciliation; and a cursor stored in the future
 * before that rule is not trusted.
 */
class PageImportCursorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PageImport imports = new PageImport(new OverlapFilter(null), new PageReader(JSON));
    private final List<Instant> asked = new ArrayList<>();

    @Test
    void aRecordFromTheFutureMovesTheCursorOnlyToTheImportsStart() throws Exception {
        Exchange exchange = started("2026-01-01T00:00:00Z");
        Instant before = Instant.now();
        exchange.getIn().setBody(JSON.readTree("[{\"id\":\"10\",\"stamp\":\"2099-01-01T00:00:00Z\"},"
                + "{\"id\":\"11\",\"stamp\":\"2026-06-01T00:00:00Z\"}]"));

        imports.map(exchange);

        MappedPage page = exchange.getIn().getBody(MappedPage.class);
        assertThat(page.tasks()).extracting(TaskRecord::externalId).containsExactly("10", "11");
        assertThat(Instant.parse(page.cursor())).isBefore(before.plusSeconds(1)).isAfter(before.minusSeconds(60));
    }

    @Test
    void aCursorStoredInTheFutureIsNotTrusted() {
        started("2098-12-31T23:55:00Z");
        assertThat(asked).containsExactly((Instant) null);

        asked.clear();
        started("2026-01-01T00:00:00Z");
        assertThat(asked).containsExactly(Instant.parse("2025-12-31T23:55:00Z"));
    }

    private Exchange started(String cursor) {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("stub", new Stub());
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(SyncContext.PROPERTY, new SyncContext(1, 1, 1, null, null, List.of("tasks"), false,
                new java.util.HashMap<>(Map.of("tasks", cursor)), Map.of("tasks", 1L)));
        exchange.setVariable(PageImport.SOURCE, "stub");
        exchange.getIn().setBody("tasks");
        imports.start(exchange);
        return exchange;
    }

    /** One page of records {@code {id, stamp}}, asked for since a time. */
    private final class Stub implements PageSource<String> {

        @Override
        public String first(String type, Instant since) {
            asked.add(since);
            return "all";
        }

        @Override
        public void check(String request, JsonNode answer, String page) {
        }

        @Override
        public List<JsonNode> records(String request, JsonNode answer) {
            List<JsonNode> records = new ArrayList<>();
            answer.forEach(records::add);
            return records;
        }

        @Override
        public String next(String request, JsonNode answer, int records) {
            return null;
        }

        @Override
        public MappedRecord map(String type, JsonNode record, ImportContext context) {
            return MappedRecord.task(new TaskRecord(type, id(type, record), "a task", null,
                    Instant.parse(record.path("stamp").asText()), null, null, List.of()));
        }

        @Override
        public String id(String type, JsonNode record) {
            return record.path("id").asText();
        }

        @Override
        public Duration overlap() {
            return Duration.ofMinutes(5);
        }
    }
}
