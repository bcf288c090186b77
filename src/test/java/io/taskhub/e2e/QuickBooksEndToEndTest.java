package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.sandbox.quickbooks.QuickBooksEntity;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * QuickBooks through the REST API alone, with Insightly enabled for the same account, against both simulators and
 * the real embedded PostgreSQL: suggestions, links, overview and documents of clients, customers created and
 * details copied, documents of opportunities (directly and through their organisation), deletions, throttling,
 * faults and the rotated refresh token. The steps build on each other, in order.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickBooksEndToEndTest {

    private static final int QUICKBOOKS_SIZE = 40;
    private static final String ADMIN = "quinn@books-e2e.test";
    private static final String REGULAR = "rita@books-e2e.test";

    @LocalServerPort
    int port;

    InsightlySimulator insightly;
    QuickBooksSimulator quickbooks;
    HubClient admin;
    HubClient regular;
    String accountPath;
    String quickbooksIntegration;
    String insightlyIntegration;
    /** The organisation QuickBooks has under another spelling, and the customer it has. */
    long organisation;
    String organisationCustomer;
    /** Contacts: one QuickBooks knows by email, one it does not know, one whose name it has already. */
    long knownByEmail;
    long unknown;
    long nameTaken;
    long opportunity;
    String createdCustomer;
    String directInvoice;

    @BeforeAll
    void setUp() {
        insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults().withSize(20)
                .withCount(InsightlyType.TASKS, 0).withCount(InsightlyType.LEADS, 0)
                .withUsers(List.of(ADMIN, REGULAR)));
        organisation = insightly.id(InsightlyType.ORGANISATIONS, 2);
        String organisationName = (String) insightly.record(organisation).get("ORGANISATION_NAME");
        List<Long> contacts = distinctlyNamedContacts();
        knownByEmail = contacts.get(0);
        unknown = contacts.get(1);
        nameTaken = contacts.get(2);
        opportunity = insightly.id(InsightlyType.OPPORTUNITIES, 0);
        insightly.update(opportunity, Map.of("ORGANISATION_ID", organisation));

        quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults().withSize(QUICKBOOKS_SIZE)
                .withSeededCustomers(List.of(
                        // case and spaces differ from Insightly's spelling
                        new QuickBooksSimulator.SeededCustomer(" " + organisationName.toUpperCase(Locale.ROOT)
                                .replace(" ", "  "), organisationName, "accounts@organisation.example"),
                        new QuickBooksSimulator.SeededCustomer("Somebody Else", null,
                                email(knownByEmail).toUpperCase(Locale.ROOT)),
                        new QuickBooksSimulator.SeededCustomer(name(nameTaken), null, "other@people.example"))));
        organisationCustomer = quickbooks.id(QuickBooksEntity.CUSTOMER, 0);

        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Books")).get("id").asLong();
        accountPath = "/api/accounts/" + account;
        assertThat(operator.post(accountPath + "/users", Map.of("email", ADMIN, "name", "Quinn",
                "role", "ADMINISTRATOR", "password", "quinn-password")).status()).isEqualTo(201);
        assertThat(operator.post(accountPath + "/users", Map.of("email", REGULAR, "name", "Rita",
                "role", "REGULAR", "password", "rita-password")).status()).isEqualTo(201);
        admin = HubClient.at(port).as(ADMIN, "quinn-password");
        regular = HubClient.at(port).as(REGULAR, "rita-password");
    }

    @AfterAll
    void tearDown() {
        insightly.close();
        quickbooks.close();
    }

    @Test
    @Order(1)
    void enablingRefreshesTheTokenAndAsksForTheCompany() {
        JsonNode providers = admin.get("/api/providers").json();
        JsonNode described = stream(providers).filter(p -> p.path("id").asText().equals("quickbooks")).findFirst()
                .orElseThrow();
        assertThat(described.path("typesSelectable").asBoolean()).isFalse();

        HubClient.Answer noRealm = admin.post(accountPath + "/integrations", Map.of("provider", "quickbooks",
                "credentials", Map.of("clientId", "a", "clientSecret", "b", "refreshToken", "c")));
        assertThat(noRealm.status()).isEqualTo(400);
        assertThat(noRealm.get("field").asText()).isEqualTo("credentials.realmId");
        HubClient.Answer refused = admin.post(accountPath + "/integrations", enable("never-issued"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.get("detail").asText()).contains("QuickBooks refused the refresh token");

        HubClient.Answer created = admin.post(accountPath + "/integrations", enable(quickbooks.issueRefreshToken()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.get("selectedTypes")).hasSize(4);
        quickbooksIntegration = accountPath + "/integrations/" + created.get("id").asText();
        HubClient.Answer crm = admin.post(accountPath + "/integrations", Map.of("provider", "insightly",
                "credentials", Map.of("apiKey", InsightlySimulator.DEFAULT_API_KEY, "pod", "na1"),
                "endpoint", Map.of("baseUrl", insightly.baseUrl())));
        assertThat(crm.status()).as(crm.text()).isEqualTo(201);
        insightlyIntegration = accountPath + "/integrations/" + crm.get("id").asText();
    }

    @Test
    @Order(2)
    void syncsReadTheCompanyWholeThenWhatChanged() {
        assertThat(syncAndWait(insightlyIntegration).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(syncAndWait(quickbooksIntegration).path("status").asText()).isEqualTo("SUCCEEDED");
        // the first run, the timer's or the one forced here, is a full reconciliation
        JsonNode run = stream(admin.get(quickbooksIntegration + "/runs").json())
                .min((a, b) -> Long.compare(a.path("id").asLong(), b.path("id").asLong())).orElseThrow();
        assertThat(run.path("full").asBoolean()).isTrue();
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("fetched").asInt()).isEqualTo(4 * QUICKBOOKS_SIZE);
        assertThat(admin.get(accountPath + "/tasks?integrationId=" + id(quickbooksIntegration)).get("total").asInt())
                .as("QuickBooks is no task import").isZero();

        JsonNode again = syncAndWait(quickbooksIntegration);
        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("SUCCEEDED");
        assertThat(again.path("counts").path("fetched").asInt()).isZero();
        assertThat(quickbooks.requestLog()).anyMatch(r -> r.contains("/cdc?") && r.contains("changedSince="))
                .anyMatch(r -> r.contains("Active%20in%20%28true%2C%20false%29"));
    }

    @Test
    @Order(3)
    void anOrganisationGetsItsCustomerSuggestedIsLinkedAndShowsItsOverviewAndDocuments() {
        long client = clientId(organisation);
        JsonNode before = regular.get(view(client)).json();
        assertThat(before.path("link").isNull()).isTrue();
        assertThat(before.path("overview").isNull()).isTrue();
        assertThat(before.path("suggestions").get(0).path("customerId").asText()).isEqualTo(organisationCustomer);
        assertThat(before.path("suggestions").get(0).path("matchedOn").asText()).isEqualTo("NAME");

        assertThat(regular.post(view(client) + "/link", Map.of("customerId", organisationCustomer)).status())
                .isEqualTo(403);
        HubClient.Answer unknownCustomer = admin.post(view(client) + "/link", Map.of("customerId", "999999"));
        assertThat(unknownCustomer.status()).isEqualTo(404);
        assertThat(unknownCustomer.get("field").asText()).isEqualTo("customerId");
        HubClient.Answer linked = admin.post(view(client) + "/link", Map.of("customerId", organisationCustomer));
        assertThat(linked.status()).as(linked.text()).isEqualTo(201);
        assertThat(admin.post(view(client) + "/link", Map.of("customerId", organisationCustomer)).status())
                .isEqualTo(200);
        assertThat(admin.post(view(client) + "/link", Map.of("customerId", quickbooks.id(QuickBooksEntity.CUSTOMER,
                5))).status()).isEqualTo(409);

        LocalDate today = LocalDate.now();
        quickbooks.createInvoice(organisationCustomer, "F-100", new BigDecimal("500.00"), new BigDecimal("500.00"),
                today, today.plusDays(30));
        syncAndWait(quickbooksIntegration);
        JsonNode view = regular.get(view(client) + "?show=all").json();
        assertThat(view.path("link").path("customerId").asText()).isEqualTo(organisationCustomer);
        assertThat(view.path("suggestions")).isEmpty();
        JsonNode overview = view.path("overview");
        assertThat(overview.path("email").asText()).isEqualTo("accounts@organisation.example");
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        for (String invoice : quickbooks.documentsOf(QuickBooksEntity.INVOICE, organisationCustomer)) {
            Map<String, Object> record = quickbooks.record(invoice);
            BigDecimal balance = new BigDecimal(record.get("Balance").toString());
            open = open.add(balance);
            overdue = LocalDate.parse(record.get("DueDate").toString()).isBefore(today) ? overdue.add(balance) : overdue;
        }
        assertThat(overview.path("openBalance").decimalValue()).isEqualByComparingTo(open);
        assertThat(overview.path("overdueBalance").decimalValue()).isEqualByComparingTo(overdue);
        assertThat(open.subtract(overdue)).isEqualByComparingTo("500");
        assertThat(types(view.path("documents"))).containsExactlyInAnyOrder("INVOICE", "INVOICE", "PAYMENT",
                "ESTIMATE");
        assertThat(types(regular.get(view(client) + "?show=invoices").json().path("documents")))
                .containsOnly("INVOICE");
        assertThat(regular.get(view(client) + "?show=bills").get("field").asText()).isEqualTo("show");

        String part = overview.path("email").asText().substring(0, 8).toUpperCase(Locale.ROOT);
        assertThat(stream(regular.get(accountPath + "/quickbooks/customers?q=" + part).json())
                .map(c -> c.path("customerId").asText())).contains(organisationCustomer);
    }

    @Test
    @Order(4)
    void aContactIsSuggestedTheCustomerWithItsEmail() {
        JsonNode suggestions = regular.get(view(clientId(knownByEmail))).json().path("suggestions");
        assertThat(suggestions).hasSize(1);
        assertThat(suggestions.get(0).path("displayName").asText()).isEqualTo("Somebody Else");
        assertThat(suggestions.get(0).path("matchedOn").asText()).isEqualTo("EMAIL");
    }

    @Test
    @Order(5)
    void aContactWithoutAMatchGetsANewCustomerAndATakenNameIsAConflict() {
        long client = clientId(unknown);
        assertThat(regular.get(view(client)).json().path("suggestions")).isEmpty();
        assertThat(regular.post(view(client) + "/customer", null).status()).isEqualTo(403);
        HubClient.Answer created = admin.post(view(client) + "/customer", null);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        createdCustomer = created.get("customerId").asText();
        Map<String, Object> customer = quickbooks.record(createdCustomer);
        assertThat(customer.get("DisplayName")).isEqualTo(name(unknown));
        assertThat(customer.get("PrimaryEmailAddr")).isEqualTo(Map.of("Address", email(unknown)));
        assertThat(((Map<?, ?>) customer.get("BillAddr")).get("Line1"))
                .isEqualTo(insightly.record(unknown).get("ADDRESS_MAIL_STREET"));
        assertThat(regular.get(view(client)).json().path("link").path("customerId").asText())
                .isEqualTo(createdCustomer);
        assertThat(admin.post(view(client) + "/customer", null).status()).as("linked already").isEqualTo(409);

        HubClient.Answer taken = admin.post(view(clientId(nameTaken)) + "/customer", null);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.get("detail").asText()).contains("Duplicate Name Exists Error");
    }

    @Test
    @Order(6)
    void anOpportunityShowsItsLinkedInvoiceAndTheDocumentsOfItsOrganisation() {
        long task = taskId("opportunities", opportunity);
        JsonNode through = regular.get(accountPath + "/tasks/" + task + "/quickbooks").json();
        assertThat(through).hasSize(4);
        through.forEach(d -> {
            assertThat(d.path("via").asText()).isEqualTo("INSIGHTLY_LINK");
            assertThat(d.path("customerId").asText()).isEqualTo(organisationCustomer);
        });

        String otherCustomer = quickbooks.id(QuickBooksEntity.CUSTOMER, 7);
        directInvoice = quickbooks.documentsOf(QuickBooksEntity.INVOICE, otherCustomer).get(0);
        String number = quickbooks.record(directInvoice).get("DocNumber").toString();
        JsonNode found = regular.get(accountPath + "/quickbooks/documents?type=invoice&docNumber=" + number).json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("documentId").asText()).isEqualTo(directInvoice);
        String date = found.get(0).path("date").asText();
        assertThat(regular.get(accountPath + "/quickbooks/documents?from=" + date + "&to=" + date).json())
                .anyMatch(d -> d.path("documentId").asText().equals(directInvoice));
        assertThat(regular.get(accountPath + "/quickbooks/documents?from=tomorrow").get("field").asText())
                .isEqualTo("from");
        for (String odd : List.of("-2026-01-01", "%2B12026-01-01", "2026-1-1", "2026-02-30")) {
            HubClient.Answer refused = regular.get(accountPath + "/quickbooks/documents?to=" + odd);
            assertThat(refused.status()).as(odd).isEqualTo(400);
            assertThat(refused.get("field").asText()).isEqualTo("to");
        }

        String links = accountPath + "/tasks/" + task + "/quickbooks/links";
        assertThat(regular.post(links, Map.of("documentType", "INVOICE", "documentId", directInvoice)).status())
                .isEqualTo(403);
        HubClient.Answer linked = admin.post(links, Map.of("documentType", "INVOICE", "documentId", directInvoice));
        assertThat(linked.status()).as(linked.text()).isEqualTo(201);
        assertThat(linked.get("via").asText()).isEqualTo("DIRECT");
        assertThat(admin.post(links, Map.of("documentType", "BILL", "documentId", directInvoice)).get("field")
                .asText()).isEqualTo("documentType");

        JsonNode both = regular.get(accountPath + "/tasks/" + task + "/quickbooks").json();
        assertThat(both).hasSize(5);
        assertThat(both.get(0).path("via").asText()).isEqualTo("DIRECT");
        assertThat(both.get(0).path("documentId").asText()).isEqualTo(directInvoice);
        assertThat(both.get(0).path("docNumber").asText()).isEqualTo(number);

        long organisationTask = taskId("organisations", organisation);
        assertThat(regular.get(accountPath + "/tasks/" + organisationTask + "/quickbooks").get("field").asText())
                .isEqualTo("taskId");
    }

    @Test
    @Order(7)
    void documentsDeletedInQuickBooksDisappearAfterTheNextSync() {
        String organisationInvoice = quickbooks.documentsOf(QuickBooksEntity.INVOICE, organisationCustomer).get(0);
        quickbooks.delete(directInvoice);
        quickbooks.delete(organisationInvoice);

        JsonNode run = syncAndWait(quickbooksIntegration);
        assertThat(run.path("counts").path("archived").asInt()).isEqualTo(2);
        JsonNode documents = regular.get(accountPath + "/tasks/" + taskId("opportunities", opportunity)
                + "/quickbooks").json();
        assertThat(documents).hasSize(3).noneMatch(d -> d.path("via").asText().equals("DIRECT"))
                .noneMatch(d -> d.path("documentId").asText().equals(organisationInvoice));
    }

    @Test
    @Order(8)
    void throttlingMidSyncLosesNothing() {
        String estimate = quickbooks.documentsOf(QuickBooksEntity.ESTIMATE, organisationCustomer).get(0);
        quickbooks.update(organisationCustomer, Map.of("PrimaryPhone", Map.of("FreeFormNumber", "(650) 555-0000")));
        quickbooks.update(estimate, Map.of("TxnStatus", "Accepted"));
        quickbooks.resetCounters();
        quickbooks.throttleNextRequests(2);
        quickbooks.throttleNextRequestsInsideOk(1);

        JsonNode run = syncAndWait(quickbooksIntegration);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(quickbooks.throttledCount()).isEqualTo(3);
        assertThat(run.path("counts").path("fetched").asInt()).isEqualTo(2);
        JsonNode view = regular.get(view(clientId(organisation))).json();
        assertThat(view.path("overview").path("phone").asText()).isEqualTo("(650) 555-0000");
        assertThat(stream(view.path("documents")).filter(d -> d.path("documentId").asText().equals(estimate))
                .findFirst().orElseThrow().path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    @Order(9)
    void aFaultFailsTheRunWithQuickBooksWords() {
        quickbooks.faultNextRequests(1, 200, "4000", "Error parsing query");
        JsonNode run = syncAndWait(quickbooksIntegration);
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).contains("QuickBooks refused GET query")
                .contains("Error parsing query").contains("code 4000");
        assertThat(admin.get(quickbooksIntegration).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(syncAndWait(quickbooksIntegration).path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(9)
    void aStormOfServerErrorsLongerThanTheRetriesFailsTheRunAfterThemAndTheNextSyncCompletes() {
        quickbooks.resetCounters();
        quickbooks.failNextRequests(50, 503);
        JsonNode run = syncAndWait(quickbooksIntegration);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("FAILED");
        // the call sent again whole as often as the retries allow, 1 + hub.sync.retries (3 in the test profile): no more
        assertThat(quickbooks.requestCount()).isEqualTo(4);
        quickbooks.clearFaults();
        assertThat(syncAndWait(quickbooksIntegration).path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(10)
    void detailsAreCopiedEitherWay() {
        long organisationClient = clientId(organisation);
        HubClient.Answer toQuickBooks = admin.post(view(organisationClient) + "/copy",
                Map.of("direction", "TO_QUICKBOOKS"));
        assertThat(toQuickBooks.status()).as(toQuickBooks.text()).isEqualTo(200);
        Map<String, Object> record = insightly.record(organisation);
        Map<String, Object> customer = quickbooks.record(organisationCustomer);
        assertThat(customer.get("PrimaryPhone")).isEqualTo(Map.of("FreeFormNumber", record.get("PHONE")));
        assertThat(customer.get("WebAddr")).isEqualTo(Map.of("URI", record.get("WEBSITE")));
        assertThat(((Map<?, ?>) customer.get("BillAddr")).get("Line1")).isEqualTo(record.get("ADDRESS_BILLING_STREET"));
        assertThat(customer.get("PrimaryEmailAddr")).as("organisations have no email to copy")
                .isEqualTo(Map.of("Address", "accounts@organisation.example"));
        assertThat(toQuickBooks.get("customer").path("phone").asText()).isEqualTo(record.get("PHONE"));

        quickbooks.update(createdCustomer, Map.of("PrimaryPhone", Map.of("FreeFormNumber", "+1 555 7777"),
                "Fax", Map.of("FreeFormNumber", "+1 555 7778")));
        long contactClient = clientId(unknown);
        assertThat(admin.post(view(contactClient) + "/copy", Map.of("direction", "SIDEWAYS")).get("field").asText())
                .isEqualTo("direction");
        HubClient.Answer fromQuickBooks = admin.post(view(contactClient) + "/copy",
                Map.of("direction", "FROM_QUICKBOOKS"));
        assertThat(fromQuickBooks.status()).as(fromQuickBooks.text()).isEqualTo(200);
        assertThat(insightly.record(unknown)).containsEntry("PHONE", "+1 555 7777").containsEntry("PHONE_FAX",
                "+1 555 7778");
        assertThat(fromQuickBooks.get("client").path("phone").asText()).isEqualTo("+1 555 7777");
        JsonNode client = stream(regular.get(accountPath + "/clients").json())
                .filter(c -> c.path("id").asLong() == contactClient).findFirst().orElseThrow();
        assertThat(client.path("email").asText()).isEqualTo(email(unknown));
    }

    @Test
    @Order(11)
    void theRotatedRefreshTokenIsStoredAndUsedByTheNextRefresh() {
        for (int refresh = 0; refresh < 2; refresh++) {
            quickbooks.expireAccessTokens();
            quickbooks.resetCounters();
            JsonNode run = syncAndWait(quickbooksIntegration);
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(quickbooks.tokenRequestCount()).as("each refresh token works once").isEqualTo(1);
        }
    }

    @Test
    @Order(12)
    void linksAreUndone() {
        long task = taskId("opportunities", opportunity);
        String estimate = quickbooks.documentsOf(QuickBooksEntity.ESTIMATE, organisationCustomer).get(0);
        String links = accountPath + "/tasks/" + task + "/quickbooks/links";
        assertThat(admin.post(links, Map.of("documentType", "ESTIMATE", "documentId", estimate)).status())
                .isEqualTo(201);
        assertThat(regular.delete(links + "/ESTIMATE/" + estimate).status()).isEqualTo(403);
        assertThat(admin.delete(links + "/ESTIMATE/" + estimate).status()).isEqualTo(204);
        assertThat(admin.delete(links + "/ESTIMATE/" + estimate).status()).isEqualTo(404);

        long client = clientId(organisation);
        assertThat(admin.delete(view(client) + "/link").status()).isEqualTo(204);
        assertThat(admin.delete(view(client) + "/link").status()).isEqualTo(404);
        assertThat(regular.get(view(client)).json().path("suggestions")).isNotEmpty();
    }

    private List<Long> distinctlyNamedContacts() {
        List<Long> picked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        IntStream.range(0, insightly.generated(InsightlyType.CONTACTS))
                .mapToObj(i -> insightly.id(InsightlyType.CONTACTS, i))
                .forEach(id -> {
                    if (picked.size() < 3 && names.add(name(id).toLowerCase(Locale.ROOT))) {
                        picked.add(id);
                    }
                });
        return picked;
    }

    private String name(long contact) {
        Map<String, Object> record = insightly.record(contact);
        return record.get("FIRST_NAME") + " " + record.get("LAST_NAME");
    }

    private String email(long contact) {
        return (String) insightly.record(contact).get("EMAIL_ADDRESS");
    }

    private long clientId(long externalId) {
        return stream(regular.get(accountPath + "/clients").json())
                .filter(c -> c.path("externalId").asText().equals(String.valueOf(externalId)))
                .findFirst().orElseThrow().path("id").asLong();
    }

    private long taskId(String type, long externalId) {
        JsonNode items = regular.get(accountPath + "/tasks?status=all&type=" + type + "&q=" + externalId).json()
                .path("items");
        assertThat(items).hasSize(1);
        return items.get(0).path("id").asLong();
    }

    private String view(long client) {
        return accountPath + "/clients/" + client + "/quickbooks";
    }

    private JsonNode syncAndWait(String integration) {
        HubClient.Answer answer = regular.post(integration + "/sync?wait=true", null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static String id(String integration) {
        return integration.substring(integration.lastIndexOf('/') + 1);
    }

    private static List<String> types(JsonNode documents) {
        return stream(documents).map(d -> d.path("type").asText()).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private Map<String, Object> enable(String refreshToken) {
        return Map.of("provider", "quickbooks",
                "credentials", Map.of("clientId", QuickBooksSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", QuickBooksSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", refreshToken,
                        "realmId", quickbooks.realmId()),
                "endpoint", Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl()));
    }
}
