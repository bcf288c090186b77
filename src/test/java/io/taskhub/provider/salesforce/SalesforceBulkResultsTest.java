package io.taskhub.provider.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.model.ArchiveReason;
import io.taskhub.model.TaskRecord;
import io.taskhub.sync.CsvResults;
import io.taskhub.sync.ExportJob;
import io.taskhub.sync.ExportPages;
import io.taskhub.sync.ImportState;
import io.taskhub.sync.PageImport;
import io.taskhub.sync.PageSource;
import io.taskhub.sync.UnreadablePage;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * Bulk results as pages, without Spring or HTTP: a CSV set as Salesforce writes it (every value quoted, a comma, a
 * quote and a newline inside a name, nulls as nothing) read row by row into records the mapper takes as REST ones,
 * a set fetched again after a failure read on from the rows not yet stored, and CSV that cannot be read refused.
 */
class SalesforceBulkResultsTest {

    private static final String CSV = """
            "Id","Name","StageName","IsClosed","IsWon","IsDeleted","OwnerId","SystemModstamp"
            "006A","Acme, ""big""
            renewal","Prospecting","false","false","false","005A","2026-11-20T09:15:02.000Z"
            "006B","Globex","Closed Won","true","true","false",,"2026-11-20T09:15:03.000Z"
            "006C","Gone","Prospecting","false","false","true","005A","2026-11-20T09:15:01.000Z"
            "006D",,"Prospecting","false","false","false","005A","2026-11-20T09:15:04.000Z"
            """;

    private final SalesforceProperties properties = new SalesforceProperties("61.0", "https://login.salesforce.com",
            Set.of("Closed Won"), Duration.ofMinutes(5), 32, 1000, 50_000, Duration.ofSeconds(2),
            Duration.ofSeconds(30));
    private final CsvResults results = new CsvResults();
    private final ExportPages pages = new ExportPages(new SalesforcePages(properties));
    private final PageSource.ImportContext context = new PageSource.ImportContext(List.of("opportunities"), Map.of());

    @Test
    void rowsMapLikeRestRecordsAndTheLastPageOfTheLastSetEndsTheImport() throws Exception {
        Exchange exchange = fetched(pages.first("opportunities", null), CSV, "null");

        results.read(exchange);
        JsonNode answer = exchange.getIn().getBody(JsonNode.class);
        List<JsonNode> records = pages.records(null, answer);

        assertThat(records).hasSize(4);
        TaskRecord renewal = pages.map("opportunities", records.get(0), context).task();
        assertThat(renewal.name()).isEqualTo("Acme, \"big\"\nrenewal");
        assertThat(renewal.externalUpdatedAt()).isEqualTo(Instant.parse("2026-11-20T09:15:02Z"));
        assertThat(records.get(1).path("OwnerId").isNull()).isTrue();
        assertThat(pages.map("opportunities", records.get(1), context).task().archivedReason())
                .isEqualTo(ArchiveReason.CLOSED);
        assertThat(pages.map("opportunities", records.get(2), context).task().archivedReason())
                .isEqualTo(ArchiveReason.DELETED);
        assertThatThrownBy(() -> pages.map("opportunities", records.get(3), context))
                .hasMessageContaining("Name is missing");
        assertThat(pages.total(null, answer)).isEqualTo(4);
        assertThat(pages.next(pages.first("opportunities", null), answer, 4)).isNull();
        assertThat(pages.cursorFollowsPages()).isFalse();
    }

    @Test
    void aSetFetchedAgainIsReadOnFromTheRowsNotYetStoredThenTheNextSetFollows() throws Exception {
        ExportPages.Request retried = new ExportPages.Request("MjAwMA", 3);
        Exchange exchange = fetched(retried, CSV, "NDAwMA");
        assertThat(results.mustFetch(exchange)).isFalse();

        results.read(exchange);
        JsonNode answer = exchange.getIn().getBody(JsonNode.class);

        assertThat(pages.records(retried, answer)).extracting(r -> r.path("Id").asText()).containsExactly("006D");
        assertThat(pages.next(retried, answer, 1)).isEqualTo(new ExportPages.Request("NDAwMA", 0));
        assertThat(results.mustFetch(exchange)).isTrue();
    }

    @Test
    void csvThatCannotBeReadIsRefusedAndFetchedAgainWhole() throws Exception {
        Exchange exchange = fetched(new ExportPages.Request(null, 0), "\"Id\",\"Name\"\n\"006A\",\"open", "null");

        assertThatThrownBy(() -> results.read(exchange)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("Bulk results set 1 of opportunities");
        assertThat(results.mustFetch(exchange)).isTrue();
    }

    /** An exchange as route salesforce-bulk-fetch leaves it after bulk2GetQueryJobResults and the open step. */
    private Exchange fetched(ExportPages.Request request, String csv, String nextLocator) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setVariable(PageImport.STATE, ImportState.of("opportunities", request));
        exchange.setVariable(ExportJob.VARIABLE, new ExportJob("opportunities", 4, "Salesforce's Bulk", "750A"));
        exchange.getIn().setBody(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        exchange.getIn().setHeader("Sforce-Locator", nextLocator);
        results.open(exchange, "Sforce-Locator");
        assertThat(exchange.getIn().getHeader("Sforce-Locator")).isNull();
        return exchange;
    }
}
