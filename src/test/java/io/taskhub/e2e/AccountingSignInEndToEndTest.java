package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.Browser;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Connecting Xero (PKCE, its granular scopes, the accounts chosen afterwards from its chart) and QuickBooks (no
 * PKCE; the company comes back in the callback) by signing in, driven as a browser would against their simulators;
 * a denial ends the connection FAILED.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "hub.connections.apps.xero.client-id=" + XeroSimulator.DEFAULT_CLIENT_ID,
        "hub.connections.apps.xero.client-secret=" + XeroSimulator.DEFAULT_CLIENT_SECRET,
        "hub.connections.apps.quickbooks.client-id=" + QuickBooksSimulator.DEFAULT_CLIENT_ID,
        "hub.connections.apps.quickbooks.client-secret=" + QuickBooksSimulator.DEFAULT_CLIENT_SECRET})
class AccountingSignInEndToEndTest {

    @LocalServerPort
    int port;

    XeroSimulator xero;
    QuickBooksSimulator quickbooks;
    HubClient admin;
    Browser browser = new Browser();
    String account;

    @BeforeAll
    void setUp() {
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(25));
        quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults().withSize(10));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Bookkeepers")).get("id").asText();
        operator.post(account + "/users", Map.of("email", "ida@books.test", "name", "Ida", "role", "ADMINISTRATOR",
                "password", "long-enough-pass"));
        admin = HubClient.at(port).as("ida@books.test", "long-enough-pass");
    }

    @AfterAll
    void tearDown() {
        xero.close();
        quickbooks.close();
    }

    @Test
    void xeroIsDeniedThenConnectedWithPkceAndItsGranularScopes() {
        xero.denyAuthorizations(true);
        HubClient.Answer denied = admin.post(account + "/connections", xeroConnection());
        assertThat(denied.status()).as(denied.text()).isEqualTo(201);
        assertThat(browser.visit(browser.authorize(denied.get("authorizeUrl").asText())).text())
                .contains("Xero is not connected");
        assertThat(connection(denied).path("status").asText()).isEqualTo("FAILED");
        xero.denyAuthorizations(false);

        HubClient.Answer started = admin.post(account + "/connections", xeroConnection());
        assertThat(started.get("authorizeUrl").asText()).startsWith(xero.authorizeUrl() + "?")
                .contains("scope=openid%20offline_access%20accounting.contacts.read%20accounting.settings.read"
                        + "%20accounting.invoices&")
                .doesNotContain("accounting.transactions").contains("code_challenge_method=S256");
        Browser.Page page = browser.visit(browser.authorize(started.get("authorizeUrl").asText()));
        assertThat(page.text()).as(page.text()).contains("Xero is connected")
                .doesNotContain(XeroSimulator.DEFAULT_CLIENT_SECRET);
        JsonNode connection = connection(started);
        JsonNode run = firstRun(connection);
        assertThat(run.path("counts").path("fetched").asInt()).as("contacts import before accounts are chosen")
                .isEqualTo(25);
        chooseTheAccountsThenExportAnInvoice(account + "/integrations/" + connection.path("integrationId").asText());
    }

    /** The seed's next step: the administrator picks the revenue and expense accounts from Xero's chart. */
    private void chooseTheAccountsThenExportAnInvoice(String integration) {
        long clientId = admin.get(account + "/clients").json().get(0).path("id").asLong();
        Map<String, Object> invoice = Map.of("clientId", clientId, "date", "2026-11-30", "lines",
                List.of(Map.of("description", "Design work", "quantity", 2, "unitAmount", 95)));
        HubClient.Answer notYet = admin.post(integration + "/invoices", invoice);
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.get("detail").asText()).contains("settings.revenueAccountCode is not set");

        HubClient.Answer accounts = admin.get(integration + "/xero/accounts");
        assertThat(accounts.status()).as(accounts.text()).isEqualTo(200);
        Map<String, String> classes = new HashMap<>();
        accounts.json().forEach(a -> classes.put(a.path("code").asText(), a.path("class").asText()));
        assertThat(classes).containsEntry(XeroSimulator.REVENUE_ACCOUNT, "REVENUE")
                .containsEntry(XeroSimulator.EXPENSE_ACCOUNT, "EXPENSE").doesNotContainKey("610");
        assertThat(accounts.json().get(0).has("name")).isTrue();
        assertThat(accounts.json().get(0).has("type")).isTrue();

        HubClient.Answer unknown = admin.put(integration + "/settings", Map.of("revenueAccountCode", "999",
                "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.get("detail").asText()).contains("Xero has no account with code '999'");
        HubClient.Answer missing = admin.put(integration + "/settings", Map.of("revenueAccountCode", "200"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.get("field").asText()).isEqualTo("expenseAccountCode");
        assertThat(admin.put(integration + "/settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT)).status()).isEqualTo(200);

        HubClient.Answer created = admin.post(integration + "/invoices", invoice);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(xero.invoices()).hasSize(1);
    }

    /** A connection's settings wait for later, but only the provider's own: no key of any other kind is kept. */
    @Test
    void aConnectionTakesOnlyTheProvidersSettings() {
        for (String settings : List.of("{\"BAD\\u0000\":\"x\"}", "{\"revenueAccountCode\":{\"BAD\":1}}")) {
            HubClient.Answer refused = admin.post(account + "/connections",
                    "{\"provider\":\"xero\",\"settings\":" + settings + "}");
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.get("field").asText()).startsWith("settings");
            assertThat(refused.text()).doesNotContain("BAD");
        }
    }

    @Test
    void quickBooksIsConnectedWithTheCompanyTheCallbackNames() {
        HubClient.Answer withoutCompany = admin.post(account + "/connections", quickBooksConnection());
        String callback = browser.authorize(withoutCompany.get("authorizeUrl").asText());
        assertThat(callback).contains("realmId=" + quickbooks.realmId());
        browser.visit(callback.replaceFirst("realmId=[0-9]+", "realmId=none"));
        assertThat(connection(withoutCompany).path("error").asText()).contains("named no company");

        HubClient.Answer started = admin.post(account + "/connections", quickBooksConnection());
        assertThat(started.get("authorizeUrl").asText()).startsWith(quickbooks.authorizeUrl() + "?")
                .contains("scope=com.intuit.quickbooks.accounting&").doesNotContain("code_challenge");
        Browser.Page page = browser.visit(browser.authorize(started.get("authorizeUrl").asText()));
        assertThat(page.text()).as(page.text()).contains("QuickBooks is connected");
        JsonNode connection = connection(started);
        assertThat(firstRun(connection).path("status").asText()).isEqualTo("SUCCEEDED");

        JsonNode types = admin.get(account + "/integrations/" + connection.path("integrationId").asText() + "/types")
                .json();
        assertThat(types.size()).isEqualTo(4);
        for (JsonNode type : types) {
            assertThat(type.path("providerCount").asLong()).as("SELECT COUNT(*) of " + type.path("type").asText())
                    .isPositive().isEqualTo(type.path("importedCount").asLong());
        }
    }

    @Test
    void whereTheConsentCoversSeveralOrganisationsTheClientChoosesOne() {
        String second = "3b2f7c1e-8d4a-4e6b-9c5d-0a1b2c3d4e5f";
        XeroSimulator twoOrganisations = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(4));
        twoOrganisations.addTenant(second, "Second Company");
        try {
            HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
            String other = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Two books"))
                    .get("id").asText();
            operator.post(other + "/users", Map.of("email", "max@two.test", "name", "Max", "role", "ADMINISTRATOR",
                    "password", "long-enough-pass"));
            HubClient max = HubClient.at(port).as("max@two.test", "long-enough-pass");
            HubClient.Answer started = max.post(other + "/connections", Map.of("provider", "xero", "endpoint",
                    Map.of("baseUrl", twoOrganisations.baseUrl(), "tokenUrl", twoOrganisations.tokenUrl(),
                            "authorizeUrl", twoOrganisations.authorizeUrl())));
            String callback = browser.authorize(started.get("authorizeUrl").asText());
            assertThat(browser.visit(callback).text()).contains("2 Xero organisations")
                    .contains("choose the one to connect");
            String connection = other + "/connections/" + started.get("id").asText();
            JsonNode waiting = max.get(connection).json();
            assertThat(waiting.path("status").asText()).isEqualTo("PENDING");
            assertThat(waiting.path("organisations").findValuesAsText("name"))
                    .containsExactlyInAnyOrder(XeroSimulator.DEFAULT_TENANT_NAME, "Second Company");

            HubClient.Answer foreign = max.put(connection, Map.of("tenantId", "not-offered"));
            assertThat(foreign.status()).isEqualTo(400);
            assertThat(foreign.get("field").asText()).isEqualTo("tenantId");
            HubClient.Answer chosen = max.put(connection, Map.of("tenantId", second));
            assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
            assertThat(chosen.get("status").asText()).isEqualTo("CONNECTED");
            assertThat(chosen.get("organisations").isNull()).isTrue();
            assertThat(max.put(connection, Map.of("tenantId", second)).status()).isEqualTo(409);
            assertThat(browser.visit(callback).status()).isEqualTo(400);

            String integration = other + "/integrations/" + chosen.get("integrationId").asText();
            Poll.until(() -> max.get(integration).json().path("lastRun"),
                    last -> last.path("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(60));
            assertThat(twoOrganisations.contactsRequests()).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.tenantId()).isEqualTo(second));
        } finally {
            twoOrganisations.close();
        }
    }

    private JsonNode connection(HubClient.Answer started) {
        return admin.get(account + "/connections/" + started.get("id").asText()).json();
    }

    private JsonNode firstRun(JsonNode connection) {
        assertThat(connection.path("status").asText()).as(connection.toString()).isEqualTo("CONNECTED");
        String integration = account + "/integrations/" + connection.path("integrationId").asText();
        return Poll.until(() -> admin.get(integration).json().path("lastRun"),
                last -> last.path("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(60));
    }

    /** No settings: the accounts are chosen once connected. */
    private Map<String, Object> xeroConnection() {
        return Map.of("provider", "xero", "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl(),
                "authorizeUrl", xero.authorizeUrl()));
    }

    private Map<String, Object> quickBooksConnection() {
        return Map.of("provider", "quickbooks", "endpoint", Map.of("baseUrl", quickbooks.baseUrl(),
                "tokenUrl", quickbooks.tokenUrl(), "authorizeUrl", quickbooks.authorizeUrl()));
    }
}
