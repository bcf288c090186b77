package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.xero.XeroSimulator;
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
 * Xero through the REST API alone, against the Xero simulator (whose every refresh token works once) and the real
 * embedded PostgreSQL: enable with account codes, contacts as tasks and clients, incremental syncs, rotation,
 * limits, invoice export, a refused refresh token. The steps build on each other, in order.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XeroEndToEndTest {

    private static final int CONTACTS = 350; // four pages of 100

    @LocalServerPort
    int port;

    XeroSimulator xero;
    HubClient admin;
    HubClient regular;
    String accountPath;
    String integration;
    int refreshesAfterEnabling;

    @BeforeAll
    void setUp() {
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(CONTACTS));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Books Ltd")).get("id").asLong();
        accountPath = "/api/accounts/" + account;
        assertThat(operator.post(accountPath + "/users", Map.of("email", "kim@books.test", "name", "Kim",
                "role", "ADMINISTRATOR", "password", "kim-password")).status()).isEqualTo(201);
        assertThat(operator.post(accountPath + "/users", Map.of("email", "lou@books.test", "name", "Lou",
                "role", "REGULAR", "password", "lou-password")).status()).isEqualTo(201);
        admin = HubClient.at(port).as("kim@books.test", "kim-password");
        regular = HubClient.at(port).as("lou@books.test", "lou-password");
    }

    @AfterAll
    void tearDown() {
        xero.close();
    }

    @Test
    @Order(1)
    void enablingChecksTheTokenAndTheAccountCodes() {
        String refreshToken = xero.issueRefreshToken();

        HubClient.Answer missing = admin.post(accountPath + "/integrations", enable(refreshToken, null, "400"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.get("field").asText()).isEqualTo("settings.revenueAccountCode");
        assertThat(xero.tokenRequestCount()).isZero();

        HubClient.Answer wrongType = admin.post(accountPath + "/integrations", enable(refreshToken, "400", "999"));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        assertThat(wrongType.get("detail").asText())
                .contains("settings.revenueAccountCode: account 400 (Advertising) is of class EXPENSE")
                .contains("settings.expenseAccountCode: Xero has no account with code '999'");

        HubClient.Answer spent = admin.post(accountPath + "/integrations", enable("not-a-token", "200", "400"));
        assertThat(spent.status()).isEqualTo(422);
        assertThat(spent.get("detail").asText()).contains("invalid_grant");

        // the refused enable rotated the token; presenting it again carries on from its successor
        HubClient.Answer created = admin.post(accountPath + "/integrations",
                enable(refreshToken, XeroSimulator.REVENUE_ACCOUNT, XeroSimulator.EXPENSE_ACCOUNT));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.get("provider").asText()).isEqualTo("xero");
        assertThat(created.get("selectedTypes").toString()).isEqualTo("[\"contacts\"]");
        assertThat(created.text()).doesNotContain(refreshToken).doesNotContain(XeroSimulator.DEFAULT_CLIENT_SECRET);
        integration = accountPath + "/integrations/" + created.get("id").asText();
        refreshesAfterEnabling = xero.tokenRequestCount();

        assertThat(admin.put(integration + "/types", Map.of("selectedTypes", List.of("contacts"))).status())
                .isEqualTo(400);
    }

    @Test
    @Order(2)
    void theFirstSyncImportsEveryContactUnderTheRootWithTheStoredToken() {
        JsonNode run = firstRun();
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("fetched").asInt()).isEqualTo(CONTACTS);
        assertThat(run.path("counts").path("created").asInt()).isEqualTo(CONTACTS);
        // Xero's X-DayLimit-Remaining and X-MinLimit-Remaining, as the sync's last answer had them
        JsonNode limits = admin.get(integration).get("providerLimits").path("values");
        assertThat(limits.path("dayRemaining").asLong()).isBetween(1L, 4999L);
        assertThat(limits.path("minuteRemaining").asLong()).isBetween(0L, 59L);
        // the access token that came with the enable check was stored and is reused: no refresh
        assertThat(xero.tokenRequestCount()).isEqualTo(refreshesAfterEnabling);
        assertThat(xero.contactsRequestCount()).isEqualTo(4);
        assertThat(xero.contactsRequests()).allMatch(r -> r.ifModifiedSince() == null)
                .allMatch(r -> r.url().contains("includeArchived=true") && r.url().contains("order=UpdatedDateUTC"));

        JsonNode root = tasks("type=root").path("items").get(0);
        assertThat(root.path("name").asText()).isEqualTo("Xero");
        assertThat(root.path("kind").asText()).isEqualTo("PROJECT");
        assertThat(assignees(root)).containsExactlyInAnyOrder("kim@books.test:ADMINISTRATOR", "lou@books.test:REGULAR");
        assertThat(tasks("type=list").path("total").asInt()).isZero();
        JsonNode all = tasks("status=all&type=contacts&size=500");
        assertThat(all.path("total").asInt()).isEqualTo(CONTACTS);
        for (JsonNode task : all.path("items")) {
            assertThat(task.path("parentId").asLong()).isEqualTo(root.path("id").asLong());
            String status = (String) xero.contact(task.path("externalId").asText()).get("ContactStatus");
            boolean closed = !status.equals("ACTIVE");
            assertThat(task.path("status").asText()).as(status).isEqualTo(closed ? "ARCHIVED" : "ACTIVE");
            assertThat(task.path("archivedReason").asText(null)).isEqualTo(closed ? "CLOSED" : null);
        }
        Map<String, Boolean> archivedClients = clients();
        assertThat(archivedClients).hasSize(CONTACTS);
        IntStream.range(0, CONTACTS).mapToObj(xero::contactId).forEach(id -> assertThat(archivedClients.get(id))
                .isEqualTo(!xero.contact(id).get("ContactStatus").equals("ACTIVE")));
    }

    @Test
    @Order(3)
    void anIncrementalSyncAsksWithIfModifiedSinceAndFetchesOnlyTheChanges() {
        String archived = activeContact(0);
        xero.archiveContact(archived);
        String added = xero.createContact("Fresh Customer Ltd", "hello@fresh.example");
        xero.resetCounters();

        JsonNode counts = syncAndWait("").path("counts");
        assertThat(counts.path("fetched").asInt()).isEqualTo(2);
        assertThat(counts.path("created").asInt()).isEqualTo(1);
        assertThat(counts.path("archived").asInt()).isEqualTo(1);
        assertThat(xero.contactsRequestCount()).isEqualTo(1);
        assertThat(xero.contactsRequests().get(0).ifModifiedSince()).isNotBlank();

        assertThat(task(archived).path("archivedReason").asText()).isEqualTo("CLOSED");
        assertThat(clients().get(archived)).isTrue();
        assertThat(task(added).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(clients().get(added)).isFalse();

        assertThat(syncAndWait("").path("counts").path("fetched").asInt()).isZero();
    }

    @Test
    @Order(4)
    void aRefusedAccessTokenIsReplacedAndEveryRotatedRefreshTokenIsKept() {
        xero.setAccessTokenLifetime(Duration.ofSeconds(60)); // inside the hub's margin: every sync refreshes
        try {
            xero.expireAccessTokens();
            int tokensBefore = xero.tokenRequestCount();
            JsonNode replaced = syncAndWait("");
            assertThat(replaced.path("status").asText()).as(replaced.toString()).isEqualTo("SUCCEEDED");
            assertThat(xero.tokenRequestCount()).as("a fresh token, the same run").isGreaterThan(tokensBefore);
            assertThat(admin.get(integration).get("status").asText()).isEqualTo("ACTIVE");
            for (int i = 0; i < 3; i++) {
                String renamed = activeContact(i + 1);
                xero.renameContact(renamed, "Renamed " + i);
                int before = xero.tokenRequestCount();
                JsonNode run = syncAndWait("");
                assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
                assertThat(xero.tokenRequestCount()).isGreaterThan(before);
                assertThat(task(renamed).path("name").asText()).isEqualTo("Renamed " + i);
            }
        } finally {
            xero.setAccessTokenLifetime(Duration.ofMinutes(30));
        }
    }

    @Test
    @Order(5)
    void aMinuteLimitIsWaitedOutAndADailyLimitFailsTheRunLeavingTheCursor() {
        String renamed = activeContact(5);
        xero.renameContact(renamed, "After the minute limit");
        xero.rateLimitNextRequests(2, "minute", 1);
        JsonNode waited = syncAndWait("");
        assertThat(waited.path("status").asText()).as(waited.toString()).isEqualTo("SUCCEEDED");
        assertThat(task(renamed).path("name").asText()).isEqualTo("After the minute limit");

        String later = activeContact(6);
        xero.renameContact(later, "After the daily limit");
        xero.rateLimitNextRequests(1, "day", 7200);
        JsonNode failed = syncAndWait("");
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).contains("Xero daily API limit reached");
        assertThat(admin.get(integration).get("status").asText()).isEqualTo("ACTIVE");

        JsonNode next = syncAndWait("");
        assertThat(next.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(next.path("counts").path("fetched").asInt()).isEqualTo(1);
        assertThat(task(later).path("name").asText()).isEqualTo("After the daily limit");
    }

    @Test
    @Order(6)
    void anInvoiceForAClientArrivesInXeroOnTheRevenueAccount() {
        String contact = activeContact(10);
        long clientId = clientId(contact);
        Map<String, Object> invoice = invoice(clientId, List.of(
                Map.of("description", "Design work", "quantity", 12, "unitAmount", 95.5),
                Map.of("description", "Hosting", "quantity", 1, "unitAmount", 40)));
        int before = xero.invoices().size();

        assertThat(regular.post(integration + "/invoices", invoice).status()).isEqualTo(403);
        HubClient.Answer created = admin.post(integration + "/invoices", invoice);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.get("status").asText()).isEqualTo("DRAFT");

        assertThat(xero.invoices()).hasSize(before + 1);
        Map<String, Object> booked = xero.invoices().get(before);
        assertThat(booked.get("InvoiceID")).isEqualTo(created.get("invoiceId").asText());
        assertThat(booked.get("Type")).isEqualTo("ACCREC");
        assertThat(booked.get("Reference")).isEqualTo("Work of November");
        assertThat(((Map<?, ?>) booked.get("Contact")).get("ContactID")).isEqualTo(contact);
        List<?> lines = (List<?>) booked.get("LineItems");
        assertThat(lines).hasSize(2).allMatch(line -> ((Map<?, ?>) line).get("AccountCode")
                .equals(XeroSimulator.REVENUE_ACCOUNT));
        assertThat((BigDecimal) booked.get("Total")).isEqualByComparingTo("1186");
    }

    @Test
    @Order(6)
    void anInvoiceWhoseAnswerIsLostIsSentAgainAndBookedOnce() {
        long clientId = clientId(activeContact(11));
        int before = xero.invoices().size();
        xero.dropAnswersAfterBooking(1);

        HubClient.Answer created = admin.post(integration + "/invoices", invoice(clientId, List.of(
                Map.of("description", "Support", "quantity", 2, "unitAmount", 80))));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(xero.invoices()).as("the repeated request, with the same Idempotency-Key, books nothing more")
                .hasSize(before + 1);
        assertThat(xero.invoices().get(before).get("InvoiceID")).isEqualTo(created.get("invoiceId").asText());
    }

    @Test
    @Order(7)
    void invoicesAreCheckedHereFirstAndXerosRefusalsComeBackAs422() {
        long clientId = clientId(activeContact(11));
        HubClient.Answer noLines = admin.post(integration + "/invoices", invoice(clientId, List.of()));
        assertThat(noLines.status()).isEqualTo(400);
        assertThat(noLines.get("field").asText()).isEqualTo("lines");
        HubClient.Answer badQuantity = admin.post(integration + "/invoices", invoice(clientId,
                List.of(Map.of("description", "x", "quantity", 0, "unitAmount", 1))));
        assertThat(badQuantity.get("field").asText()).isEqualTo("lines[0].quantity");
        Map<String, Object> badDate = new HashMap<>(invoice(clientId, List.of(line())));
        badDate.put("date", "30/11/2026");
        assertThat(admin.post(integration + "/invoices", badDate).get("field").asText()).isEqualTo("date");
        HubClient.Answer notANumber = admin.post(integration + "/invoices", "{\"clientId\":\"abc\"}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.get("field").asText()).isEqualTo("clientId");
        assertThat(admin.post(integration + "/invoices", invoice(999_999, List.of(line()))).status()).isEqualTo(404);

        xero.archiveAccount(XeroSimulator.REVENUE_ACCOUNT); // the accountant tidied up the chart since enabling
        try {
            HubClient.Answer refused = admin.post(integration + "/invoices", invoice(clientId, List.of(line())));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.get("detail").asText()).contains("Account code '" + XeroSimulator.REVENUE_ACCOUNT
                    + "' is not a valid code for this document.");
        } finally {
            xero.restoreAccount(XeroSimulator.REVENUE_ACCOUNT);
        }
    }

    @Test
    @Order(8)
    void aRefusedRefreshTokenStopsTheIntegrationUntilReenabledWithoutRetrying() {
        xero.revokeRefreshTokens(); // the organisation disconnected the app
        xero.expireAccessTokens();
        xero.resetCounters();
        JsonNode failed = syncAndWait(""); // the refused access token is dropped, its refresh refused
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).contains("Xero refused the refresh token (invalid_grant)");
        assertThat(xero.tokenRequestCount()).isEqualTo(1);
        JsonNode stopped = admin.get(integration).json();
        assertThat(stopped.path("status").asText()).isEqualTo("NEEDS_REENABLE");
        assertThat(stopped.path("nextSyncAt").isNull()).isTrue();
        assertThat(regular.post(integration + "/sync?wait=true", null).status()).isEqualTo(409);
        assertThat(xero.tokenRequestCount()).isEqualTo(1);

        HubClient.Answer reenabled = admin.post(integration + "/reenable", Map.of("credentials", Map.of(
                "clientId", XeroSimulator.DEFAULT_CLIENT_ID, "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                "refreshToken", xero.issueRefreshToken())));
        assertThat(reenabled.status()).as(reenabled.text()).isEqualTo(200);
        assertThat(reenabled.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(syncAndWait("").path("status").asText()).isEqualTo("SUCCEEDED");
    }

    private Map<String, Object> enable(String refreshToken, String revenueCode, String expenseCode) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("revenueAccountCode", revenueCode);
        settings.put("expenseAccountCode", expenseCode);
        return Map.of("provider", "xero",
                "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", refreshToken),
                "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                "settings", settings);
    }

    private static Map<String, Object> invoice(long clientId, List<Map<String, Object>> lines) {
        return Map.of("clientId", clientId, "date", "2026-11-30", "dueDate", "2026-12-14",
                "reference", "Work of November", "lines", lines);
    }

    private static Map<String, Object> line() {
        return Map.of("description", "Support", "quantity", 1, "unitAmount", 10);
    }

    /** Enabling schedules a sync at once: the run it leaves, forced if the timer has not fired yet. */
    private JsonNode firstRun() {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode runs = admin.get(integration + "/runs").json();
            if (runs.size() > 0 && !runs.get(runs.size() - 1).path("finishedAt").isNull()) {
                return runs.get(runs.size() - 1);
            }
            sleep(200);
        }
        return syncAndWait("");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode syncAndWait(String options) {
        return regular.syncAndWait(integration, options);
    }

    private JsonNode tasks(String query) {
        return admin.tasks(accountPath, query);
    }

    private JsonNode task(String externalId) {
        return admin.task(accountPath, externalId);
    }

    /** External id → archived, of every client of the account. */
    private Map<String, Boolean> clients() {
        Map<String, Boolean> clients = new HashMap<>();
        admin.get(accountPath + "/clients").json()
                .forEach(c -> clients.put(c.path("externalId").asText(), c.path("archived").asBoolean()));
        return clients;
    }

    private long clientId(String externalId) {
        for (JsonNode client : admin.get(accountPath + "/clients").json()) {
            if (client.path("externalId").asText().equals(externalId)) {
                return client.path("id").asLong();
            }
        }
        throw new AssertionError("no client " + externalId);
    }

    private String activeContact(int nth) {
        return IntStream.range(0, CONTACTS).mapToObj(xero::contactId)
                .filter(id -> xero.contact(id).get("ContactStatus").equals("ACTIVE"))
                .skip(nth).findFirst().orElseThrow();
    }

    private static List<String> assignees(JsonNode task) {
        List<String> assignees = new ArrayList<>();
        task.path("assignees").forEach(a -> assignees.add(a.path("email").asText() + ":" + a.path("role").asText()));
        return assignees;
    }
}
