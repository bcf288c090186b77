package io.taskhub.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.insightly.InsightlyPages;
import io.taskhub.provider.insightly.InsightlyProperties;
import io.taskhub.provider.quickbooks.QuickBooksCustomer;
import io.taskhub.provider.quickbooks.QuickBooksPages;
import io.taskhub.provider.quickbooks.QuickBooksProperties;
import io.taskhub.provider.salesforce.SalesforcePages;
import io.taskhub.provider.salesforce.SalesforceProperties;
import io.taskhub.provider.xero.XeroPages;
import io.taskhub.provider.xero.XeroProperties;
import io.taskhub.sync.MappedRecord;
import io.taskhub.sync.OffsetRequest;
import io.taskhub.sync.PageSource;
import io.taskhub.sync.UnreadablePage;
import org.junit.jupiter.api.Test;

/**
 * The providers as pure page sources, from the recorded answers under fixtures/ and without Spring: the first
 * request (everything, or since an instant), the records of a page, the next request, the total where the provider
 * tells, one record mapped (or rejected), and an answer that is JSON but no page refused as unreadable.
 */
class PageSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant SINCE = Instant.parse("2026-11-20T09:00:00.250Z");
    private static final PageSource.ImportContext CONTEXT = new PageSource.ImportContext(List.of("tasks"), Map.of());

    private final SalesforcePages salesforce = new SalesforcePages(new SalesforceProperties("61.0",
            "https://login.salesforce.com", Set.of("Closed Won", "Closed Lost"), Duration.ofMinutes(5), 32, 200_000,
            50_000, Duration.ofSeconds(2), Duration.ofSeconds(30)));
    private final XeroPages xero = new XeroPages(new XeroProperties("https://api.xero.com",
            "https://identity.xero.com/connect/token", "https://login.xero.com/identity/connect/authorize",
            "https://identity.xero.com/connect/revocation", 3, Duration.ofMinutes(5)));
    private final InsightlyPages insightly = new InsightlyPages(new InsightlyProperties(
            "https://api.{pod}.insightly.com/v3.1", 4, Duration.ofMinutes(5), "yyyy-MM-dd HH:mm:ss", true,
            Set.of("WON"), Set.of("COMPLETED")));
    private final QuickBooksPages quickbooks = new QuickBooksPages(new QuickBooksProperties(
            "https://quickbooks.api.intuit.com", "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
            "https://appcenter.intuit.com/connect/oauth2", "https://developer.api.intuit.com/v2/oauth2/tokens/revoke",
            75, 3, Duration.ofMinutes(5), Duration.ofDays(29), Duration.ofSeconds(60)));

    @Test
    void salesforceQueriesAllByModstampThenFollowsNextRecordsUrl() throws IOException {
        assertThat(salesforce.first("opportunities", null).body()).doesNotContain("WHERE")
                .endsWith("ORDER BY SystemModstamp, Id");
        SalesforcePages.Request since = salesforce.first("opportunities", SINCE);
        assertThat(since.operation()).isEqualTo("queryAll");
        assertThat(since.body()).contains("WHERE SystemModstamp >= 2026-11-20T09:00:00Z");

        JsonNode page = fixture("salesforce/opportunities-page.json");
        salesforce.check(since, page, "the page");
        assertThat(salesforce.records(since, page)).hasSize(5);
        assertThat(salesforce.total(since, page)).isEqualTo(5);
        assertThat(salesforce.next(since, page, 5))
                .isEqualTo(new SalesforcePages.Request("queryMore", "/services/data/v61.0/query/01gRO0000016PIAYA2-2000"));
        assertThat(salesforce.next(since, JSON.readTree("{\"done\": true, \"records\": []}"), 0)).isNull();
        assertThat(salesforce.id("opportunities", page.path("records").get(0))).isEqualTo("006Dn000004ABCdIAO");
        assertThat(salesforce.cursorFollowsPages()).isTrue();
        assertThatThrownBy(() -> salesforce.check(since, JSON.readTree("{\"message\": \"maintenance\"}"), "the page"))
                .isInstanceOf(UnreadablePage.class).hasMessageContaining("holds no records");
    }

    @Test
    void xeroPagesNewestFirstUntilAShortPage() throws IOException {
        XeroPages.Request first = xero.first("contacts", SINCE);
        assertThat(first).isEqualTo(new XeroPages.Request(1, "2026-11-20T09:00:00Z"));
        assertThat(xero.first("contacts", null).modifiedSince()).isNull();

        JsonNode page = fixture("xero/contacts-page.json");
        xero.check(first, page, "the page");
        List<JsonNode> contacts = xero.records(first, page);
        assertThat(contacts).hasSize(3);
        assertThat(xero.next(first, page, 3)).isEqualTo(new XeroPages.Request(2, "2026-11-20T09:00:00Z"));
        assertThat(xero.next(first, page, 2)).isNull();
        assertThat(xero.map("contacts", contacts.get(0), CONTEXT).client()).isNotNull();
        assertThat(xero.id("contacts", contacts.get(0))).isEqualTo("5cc8cf28-567e-4d43-b287-687cfcaec47c");
        assertThat(xero.cursorFollowsPages()).isFalse();
        assertThatThrownBy(() -> xero.check(first, JSON.readTree("{\"Status\": \"OK\"}"), "the page"))
                .isInstanceOf(UnreadablePage.class).hasMessageContaining("no Contacts list");
    }

    @Test
    void insightlyListsOrSearchesByOffset() throws IOException {
        assertThat(insightly.first("tasks", null))
                .isEqualTo(OffsetRequest.first("/Tasks", "skip", "top", 4).with("brief", "true"));
        OffsetRequest search = insightly.first("tasks", SINCE);
        assertThat(search.path()).isEqualTo("/Tasks/Search");
        assertThat(search.query()).isEqualTo("updated_after_utc=2026-11-20%2009%3A00%3A00&brief=true&skip=0&top=4");

        JsonNode page = fixture("insightly/tasks.json");
        insightly.check(search, page, "the page");
        assertThat(insightly.records(search, page)).hasSize(4);
        assertThat(insightly.next(search, page, 4)).isEqualTo(search.next());
        assertThat(insightly.next(search, page, 3)).isNull();
        assertThat(insightly.total(search, page)).isNull();
        assertThat(insightly.id("tasks", page.get(0))).isEqualTo("9950001");
        assertThatThrownBy(() -> insightly.check(search, JSON.readTree("{\"Message\": \"maintenance\"}"), "the page"))
                .isInstanceOf(UnreadablePage.class).hasMessageContaining("not a list of records");
    }

    @Test
    void quickbooksQueriesByStartPositionUntilAShortPage() throws IOException {
        QuickBooksPages.Query since = quickbooks.first("customers", Instant.parse("2026-11-20T09:14:02Z"));
        assertThat(since.text()).isEqualTo("select * from Customer where Metadata.LastUpdatedTime >= "
                + "'2026-11-20T09:14:02+00:00' and Active in (true, false) startposition 1 maxresults 3");
        assertThat(since.call().resource()).isEqualTo("query");
        assertThat(quickbooks.first("invoices", null).text())
                .isEqualTo("select * from Invoice startposition 1 maxresults 3");

        JsonNode page = fixture("quickbooks/customers-page.json");
        quickbooks.check(since, page, "the page");
        List<JsonNode> customers = quickbooks.records(since, page);
        assertThat(customers).hasSize(3);
        assertThat(quickbooks.next(since, page, 3).text()).endsWith("startposition 4 maxresults 3");
        assertThat(quickbooks.next(since, page, 2)).isNull();
        MappedRecord amy = quickbooks.map("customers", customers.get(0), CONTEXT);
        assertThat(amy.task()).as("a read copy, not a task").isNull();
        assertThat(((QuickBooksCustomer) amy.row()).displayName()).isEqualTo("Amy's Bird Sanctuary");
        assertThat(amy.stamp()).isEqualTo(Instant.parse("2026-11-20T09:15:02Z"));
        assertThat(quickbooks.id("customers", customers.get(2))).isEqualTo("59");
        assertThatThrownBy(() -> quickbooks.map("customers", customers.get(2), CONTEXT))
                .isInstanceOf(RecordRejected.class).hasMessageContaining("not a date-time");
        assertThat(quickbooks.overlap()).isEqualTo(Duration.ofMinutes(5));
        assertThat(quickbooks.cursorFollowsPages()).as("pages come in id order").isFalse();

        JsonNode invoices = fixture("quickbooks/invoices-page.json");
        QuickBooksPages.Query all = quickbooks.first("invoices", null);
        assertThat(quickbooks.map("invoices", quickbooks.records(all, invoices).get(0), CONTEXT).stamp())
                .isEqualTo(Instant.parse("2026-11-02T22:59:48Z"));
        assertThatThrownBy(() -> quickbooks.check(since, JSON.readTree("{\"Fault\": {}}"), "the page"))
                .isInstanceOf(UnreadablePage.class).hasMessageContaining("no QueryResponse");
    }

    private static JsonNode fixture(String path) throws IOException {
        try (InputStream in = PageSourcesTest.class.getResourceAsStream("/fixtures/" + path)) {
            return JSON.readTree(in);
        }
    }
}
