package io.taskhub.provider.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.ContactDetails;
import io.taskhub.model.PostalAddress;
import io.taskhub.provider.RecordRejected;
import org.junit.jupiter.api.Test;

/** QuickBooks Online answers (recorded shapes, under fixtures/quickbooks) mapped without Spring. */
class QuickBooksMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void customersKeepTheirDetailsAndTheirStampsBecomeInstants() throws IOException {
        List<JsonNode> customers = QuickBooksMapper.records(fixture("customers-page"), "Customer");
        assertThat(customers).hasSize(3);

        QuickBooksCustomer amy = QuickBooksMapper.customer(customers.get(0));
        assertThat(amy).isEqualTo(new QuickBooksCustomer("1", "Amy's Bird Sanctuary", "Amy's Bird Sanctuary", "Amy",
                "Lauterbach", "Birds@Intuit.com", "(650) 555-3311", null, "(650) 555-3312",
                "http://www.amysbirds.example", "4581 Finch St., Bayshore, CA, 94326", true, new BigDecimal("239.0"),
                "3", Instant.parse("2026-11-20T09:15:02Z")));

        QuickBooksCustomer inactive = QuickBooksMapper.customer(customers.get(1));
        assertThat(inactive.active()).isFalse();
        assertThat(inactive.updatedAt()).as("a summer stamp carries -07:00").isEqualTo(
                Instant.parse("2026-06-03T17:00:00.512Z"));
        assertThat(inactive.address()).isNull();

        assertThatThrownBy(() -> QuickBooksMapper.customer(customers.get(2))).isInstanceOf(RecordRejected.class)
                .hasMessage("MetaData.LastUpdatedTime is not a date-time with an offset: yesterday");
    }

    @Test
    void invoicesAreOpenPartlyPaidOrPaid() throws IOException {
        List<QuickBooksDocument> invoices = QuickBooksMapper.records(fixture("invoices-page"), "Invoice").stream()
                .map(i -> QuickBooksMapper.document("Invoice", i)).toList();
        assertThat(invoices.get(0)).isEqualTo(new QuickBooksDocument("INVOICE", "130", "1037",
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-12-02"), new BigDecimal("362.07"),
                new BigDecimal("362.07"), "OPEN", "24", Instant.parse("2026-11-02T22:59:48Z")));
        assertThat(invoices.get(1).status()).isEqualTo("PARTIALLY_PAID");
        assertThat(invoices.get(1).balance()).isEqualByComparingTo("50");
        assertThat(invoices.get(2).status()).isEqualTo("PAID");
    }

    @Test
    void paymentsAreNumberedByTheirReferenceAndBalancedByWhatIsUnapplied() throws IOException {
        List<QuickBooksDocument> payments = QuickBooksMapper.records(fixture("payments-page"), "Payment").stream()
                .map(p -> QuickBooksMapper.document("Payment", p)).toList();
        assertThat(payments.get(0)).isEqualTo(new QuickBooksDocument("PAYMENT", "163", "5540",
                LocalDate.parse("2026-10-16"), null, new BigDecimal("150.0"), BigDecimal.ZERO, "APPLIED", "1",
                Instant.parse("2026-10-16T19:14:02Z")));
        assertThat(payments.get(1).docNumber()).isNull();
        assertThat(payments.get(1).status()).isEqualTo("UNAPPLIED");
    }

    @Test
    void estimatesKeepTheirStatusAndExpireOnTheirDueDate() throws IOException {
        List<QuickBooksDocument> estimates = QuickBooksMapper.records(fixture("estimates-page"), "Estimate").stream()
                .map(e -> QuickBooksMapper.document("Estimate", e)).toList();
        assertThat(estimates.get(0)).isEqualTo(new QuickBooksDocument("ESTIMATE", "100", "1001",
                LocalDate.parse("2026-10-21"), LocalDate.parse("2026-11-20"), new BigDecimal("362.07"), null, "CLOSED",
                "24", Instant.parse("2026-11-02T22:59:48Z")));
        assertThat(estimates.get(1).status()).as("no TxnStatus yet").isEqualTo("PENDING");
    }

    @Test
    void aQueryAnswerWithoutRecordsLeavesTheListOut() throws IOException {
        JsonNode empty = JSON.readTree("{\"QueryResponse\": {}, \"time\": \"2026-11-20T01:16:44.500-08:00\"}");
        assertThat(QuickBooksMapper.records(empty, "Invoice")).isEmpty();
        assertThat(QuickBooksMapper.fault(empty)).isEmpty();
    }

    @Test
    void changeDataCaptureReportsTheDeletedEntitiesOnly() throws IOException {
        assertThat(QuickBooksMapper.deletions(fixture("cdc"))).containsExactly(
                new QuickBooksMapper.Deletion("Customer", "61"), new QuickBooksMapper.Deletion("Invoice", "149"),
                new QuickBooksMapper.Deletion("Estimate", "102"));
    }

    @Test
    void faultsAreReadInEitherCasing() throws IOException {
        QuickBooksMapper.Fault throttled = QuickBooksMapper.fault(fixture("fault-throttled-in-200")).orElseThrow();
        assertThat(throttled.has("3001")).isTrue();
        assertThat(throttled.type()).isEqualTo("SERVICE");

        QuickBooksMapper.Fault authentication = QuickBooksMapper.fault(fixture("fault-authentication")).orElseThrow();
        assertThat(authentication.type()).isEqualTo("AUTHENTICATION");
        assertThat(authentication.has("3200")).isTrue();
        assertThat(authentication.describe()).startsWith("message=AuthenticationFailed").contains("Token expired")
                .endsWith("(code 3200)");

        QuickBooksMapper.Fault duplicate = QuickBooksMapper.fault(fixture("fault-duplicate-name")).orElseThrow();
        assertThat(duplicate.has("6240")).isTrue();
        assertThat(duplicate.describe()).startsWith("Duplicate Name Exists Error: The name supplied already exists");
    }

    @Test
    void aNewCustomerIsNamedAfterTheClientAndCarriesItsDetails() throws IOException {
        ContactDetails details = new ContactDetails("carol.cho@globex.example", "+1 555 0123", null, null, null,
                new PostalAddress("12 Elm Street\nSuite 4", "Springfield", "OR", "97403", "United States"), null);
        JsonNode body = QuickBooksMapper.newCustomer("Carol Cho", false, details);
        assertThat(body.toString()).isEqualTo("{\"DisplayName\":\"Carol Cho\","
                + "\"PrimaryEmailAddr\":{\"Address\":\"carol.cho@globex.example\"},"
                + "\"PrimaryPhone\":{\"FreeFormNumber\":\"+1 555 0123\"},"
                + "\"BillAddr\":{\"Line1\":\"12 Elm Street\",\"Line2\":\"Suite 4\",\"City\":\"Springfield\","
                + "\"CountrySubDivisionCode\":\"OR\",\"PostalCode\":\"97403\",\"Country\":\"United States\"}}");
        assertThat(QuickBooksMapper.newCustomer("Globex", true, null).path("CompanyName").asText()).isEqualTo("Globex");

        QuickBooksCustomer created = QuickBooksMapper.customer(QuickBooksMapper.entity(fixture("customer-created"),
                "Customer"));
        assertThat(created.customerId()).isEqualTo("67");
        assertThat(created.address()).isEqualTo("12 Elm Street, Suite 4, Springfield, OR, 97403, United States");
    }

    @Test
    void aSparseUpdateSendsOnlyTheDetailsThatAreSet() throws IOException {
        JsonNode body = QuickBooksMapper.detailsUpdate("1", "3", new ContactDetails(null, "+1 555 0100", null,
                "+1 555 0101", "https://globex.example", null, null));
        assertThat(body.toString()).isEqualTo("{\"Id\":\"1\",\"SyncToken\":\"3\",\"sparse\":true,"
                + "\"PrimaryPhone\":{\"FreeFormNumber\":\"+1 555 0100\"},\"Fax\":{\"FreeFormNumber\":\"+1 555 0101\"},"
                + "\"WebAddr\":{\"URI\":\"https://globex.example\"}}");

        ContactDetails amy = QuickBooksMapper.details(QuickBooksMapper.records(fixture("customers-page"), "Customer")
                .get(0));
        assertThat(amy.billing()).isEqualTo(new PostalAddress("4581 Finch St.", "Bayshore", "CA", "94326", null));
        assertThat(amy.shipping().street()).isEqualTo("Dock 4\n4581 Finch St.");
        assertThat(amy.fax()).isEqualTo("(650) 555-3312");
        assertThat(amy.mobile()).isNull();
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = QuickBooksMapperTest.class.getResourceAsStream("/fixtures/quickbooks/" + name + ".json")) {
            return JSON.readTree(in);
        }
    }
}
