package io.taskhub.provider.xero;

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
import io.taskhub.model.ArchiveReason;
import io.taskhub.model.ClientRecord;
import io.taskhub.model.InvoiceExport;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.RecordRejected;
import io.taskhub.sync.MappedRecord;
import org.junit.jupiter.api.Test;

class XeroMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anActiveContactIsAnActiveTaskAndAClient() throws IOException {
        MappedRecord mapped = XeroMapper.contact(fixture("contacts-page.json").path("Contacts").get(0));

        TaskRecord task = mapped.task();
        assertThat(task.type()).isEqualTo("contacts");
        assertThat(task.externalId()).isEqualTo("5cc8cf28-567e-4d43-b287-687cfcaec47c");
        assertThat(task.name()).isEqualTo("Bayside Club");
        assertThat(task.archivedReason()).isNull();
        assertThat(task.externalUpdatedAt()).isEqualTo(Instant.parse("2014-12-30T11:00:00Z"));
        assertThat(task.parentType()).isNull();

        ClientRecord client = mapped.client();
        assertThat(client.externalId()).isEqualTo(task.externalId());
        assertThat(client.email()).isEqualTo("secretarybob@bayside.example");
        assertThat(client.phone()).isEqualTo("+64 02 2024418");
        assertThat(client.website()).isEqualTo("https://bayside.example");
        assertThat(client.address()).isEqualTo("148 Bay Harbour Road, Ridge Heights, Madeupville, 9010, New Zealand");
        assertThat(client.archived()).isFalse();
    }

    @Test
    void archivedAndErasedContactsAreClosedAndTheirClientsArchived() throws IOException {
        JsonNode contacts = fixture("contacts-page.json").path("Contacts");
        MappedRecord archived = XeroMapper.contact(contacts.get(1));
        assertThat(archived.task().archivedReason()).isEqualTo(ArchiveReason.CLOSED);
        assertThat(archived.client().archived()).isTrue();
        assertThat(archived.client().email()).isNull();
        assertThat(archived.client().phone()).isNull();
        assertThat(archived.client().address()).isEqualTo("P O Box 8900, Oaktown, 8123");

        MappedRecord erased = XeroMapper.contact(contacts.get(2));
        assertThat(erased.task().archivedReason()).isEqualTo(ArchiveReason.CLOSED);
        assertThat(erased.client().archived()).isTrue();
        assertThat(erased.task().externalUpdatedAt()).isEqualTo(Instant.parse("2019-03-01T00:15:23.399Z"));
    }

    @Test
    void contactsWithoutIdNameOrDateAreRejectedWithTheReason() throws IOException {
        JsonNode contacts = fixture("contacts-malformed.json").path("Contacts");
        assertRejected(contacts.get(0), "UpdatedDateUTC is missing");
        assertRejected(contacts.get(1), "UpdatedDateUTC is not a Xero date: yesterday");
        assertRejected(contacts.get(2), "ContactID is missing");
        assertThat(XeroMapper.contact(contacts.get(3)).task().name()).isEqualTo("Ada Lovelace");
        assertRejected(contacts.get(4), "Name is missing");
    }

    @Test
    void xeroDatesAreEpochMillisecondsWhateverTheOffsetHint() {
        assertThat(XeroMapper.instant("/Date(1419937200000+0000)/")).isEqualTo(Instant.ofEpochMilli(1419937200000L));
        assertThat(XeroMapper.instant("/Date(1419937200000+1300)/")).isEqualTo(Instant.ofEpochMilli(1419937200000L));
        assertThat(XeroMapper.instant("/Date(-86400000)/")).isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
        assertThat(XeroMapper.instant("2024-05-01T10:00:00+02:00")).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(XeroMapper.instant("Tuesday")).isNull();
    }

    @Test
    void accountCodesMustExistBeActiveAndOfTheRightClass() throws IOException {
        JsonNode accounts = fixture("accounts.json");
        assertThat(XeroMapper.accountCodeProblems(accounts, "200", "400")).isEmpty();
        assertThat(XeroMapper.accountCodeProblems(accounts, "270", "429")).isEmpty();
        assertThat(XeroMapper.accountCodeProblems(accounts, "400", "200")).containsExactly(
                "settings.revenueAccountCode: account 400 (Advertising) is of class EXPENSE (type EXPENSE), "
                        + "not a revenue account",
                "settings.expenseAccountCode: account 200 (Sales) is of class REVENUE (type REVENUE), "
                        + "not an expense account");
        assertThat(XeroMapper.accountCodeProblems(accounts, "220", "999")).containsExactly(
                "settings.revenueAccountCode: account 220 (Old Sales) is archived",
                "settings.expenseAccountCode: Xero has no account with code '999'");
        assertThat(XeroMapper.accountCodeProblems(accounts, "090", "400")).singleElement().asString()
                .contains("class ASSET");
    }

    @Test
    void anInvoiceIsADraftReceivableWithEveryLineOnTheRevenueAccount() {
        InvoiceExport export = new InvoiceExport(7, "5cc8cf28-567e-4d43-b287-687cfcaec47c",
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), "November work",
                List.of(new InvoiceExport.Line("Consulting", new BigDecimal("3"), new BigDecimal("120.00")),
                        new InvoiceExport.Line("Travel", BigDecimal.ONE, new BigDecimal("45.50"))));

        JsonNode invoice = XeroMapper.invoice(export, "200").path("Invoices").get(0);

        assertThat(invoice.path("Type").asText()).isEqualTo("ACCREC");
        assertThat(invoice.path("Status").asText()).isEqualTo("DRAFT");
        assertThat(invoice.path("Contact").path("ContactID").asText()).isEqualTo(export.contactExternalId());
        assertThat(invoice.path("Date").asText()).isEqualTo("2026-11-01");
        assertThat(invoice.path("DueDate").asText()).isEqualTo("2026-11-30");
        assertThat(invoice.path("Reference").asText()).isEqualTo("November work");
        assertThat(invoice.path("LineItems")).hasSize(2);
        invoice.path("LineItems").forEach(line -> assertThat(line.path("AccountCode").asText()).isEqualTo("200"));
        assertThat(invoice.path("LineItems").get(1).path("UnitAmount").decimalValue()).isEqualByComparingTo("45.5");

        JsonNode minimal = XeroMapper.invoice(new InvoiceExport(7, "c", LocalDate.parse("2026-11-01"), null, null,
                export.lines()), "260").path("Invoices").get(0);
        assertThat(minimal.has("DueDate")).isFalse();
        assertThat(minimal.has("Reference")).isFalse();
    }

    @Test
    void xeroAnswersGiveTheInvoiceIdOrTheValidationMessages() throws IOException {
        assertThat(XeroMapper.createdInvoice(fixture("invoice-created.json")).invoiceId())
                .isEqualTo("243216c5-369e-4056-ac67-05388f86dc81");
        assertThat(XeroMapper.createdInvoice(fixture("invoice-created.json")).status()).isEqualTo("DRAFT");
        assertThat(XeroMapper.validationMessages(fixture("invoice-validation-error.json")))
                .containsExactly("Account code '999' is not a valid code for this document.");
        assertThat(XeroMapper.validationMessages(JSON.readTree("{\"Message\":\"Organisation is offline\"}")))
                .containsExactly("Organisation is offline");
    }

    private static void assertRejected(JsonNode contact, String reason) {
        assertThatThrownBy(() -> XeroMapper.contact(contact)).isInstanceOf(RecordRejected.class).hasMessage(reason);
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = XeroMapperTest.class.getResourceAsStream("/fixtures/xero/" + name)) {
            return JSON.readTree(in);
        }
    }
}
