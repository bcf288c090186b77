package io.taskhub.provider.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * QuickBooksPages as the read copy's page source beyond paging: the statement each type is stored with, and the
 * unseen rows asked for by id, only numeric ids in the query, what the answer lists read back.
 */
class QuickBooksByIdTest {

    private final QuickBooksPages pages = new QuickBooksPages(new QuickBooksProperties(
            "https://quickbooks.api.intuit.com", "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
            "https://appcenter.intuit.com/connect/oauth2", "https://developer.api.intuit.com/v2/oauth2/tokens/revoke",
            75, 3, Duration.ofMinutes(5), Duration.ofDays(29), Duration.ofSeconds(60)));

    @Test
    void customersAndDocumentsAreStoredEachInTheirTable() {
        assertThat(pages.storeStatement("customers")).isEqualTo("sql/quickbooks-customers.sql");
        assertThat(List.of("invoices", "payments", "estimates")).allSatisfy(type ->
                assertThat(pages.storeStatement(type)).isEqualTo("sql/quickbooks-documents.sql"));
    }

    @Test
    void unseenRowsAreAskedForByNumericIdAllOnOnePage() throws IOException {
        assertThat(pages.askable("130")).isTrue();
        assertThat(pages.askable("130' or Id > '0")).isFalse();
        assertThat(pages.askable("")).isFalse();
        assertThat(pages.byIds("customers", List.of("58", "59")).query().get("query")).isEqualTo(
                "select * from Customer where Id in ('58', '59') and Active in (true, false) startposition 1 "
                        + "maxresults 2");
        assertThat(pages.byIds("invoices", List.of("130")).query().get("query"))
                .isEqualTo("select * from Invoice where Id in ('130') startposition 1 maxresults 1");
        assertThatThrownBy(() -> pages.byIds("invoices", List.of("130", "x'")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(pages.listed("invoices", fixture("invoices-page.json"))).containsExactly("130", "131", "132");
        assertThat(pages.listed("customers", fixture("customers-page.json"))).containsExactly("1", "58", "59");
        assertThat(pages.listed("customers", new ObjectMapper().readTree("{\"QueryResponse\": {}}"))).isEmpty();
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = QuickBooksByIdTest.class.getResourceAsStream("/fixtures/quickbooks/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
