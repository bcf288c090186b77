package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Unlinking revokes the grant at the provider (Salesforce, Xero, QuickBooks): with the provider answering 200 the
 * grant is gone and the integration says so; with it answering 400 the unlink happens all the same and the
 * integration's statusReason tells the administrator to remove the access by hand.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnlinkRevocationEndToEndTest {

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    XeroSimulator xero;
    QuickBooksSimulator quickbooks;
    HubClient admin;
    String account;

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(3)
                .withCases(3));
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(3));
        quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults().withSize(3));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Leavers")).get("id").asText();
        operator.post(account + "/users", Map.of("email", "lea@leavers.test", "name", "Lea", "role", "ADMINISTRATOR",
                "password", "long-enough-pass"));
        admin = HubClient.at(port).as("lea@leavers.test", "long-enough-pass");
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
        xero.close();
        quickbooks.close();
    }

    @Test
    void salesforceRevokesTheRefreshTokenOrSaysItCouldNot() {
        JsonNode revoked = unlink(enable(salesforce(SalesforceSimulator.DEFAULT_REFRESH_TOKEN)));
        assertThat(revoked.path("statusReason").asText()).isEqualTo("unlinked; the grant was revoked at Salesforce");
        assertThat(admin.post(account + "/integrations", salesforce(SalesforceSimulator.DEFAULT_REFRESH_TOKEN))
                .status()).as("the revoked refresh token no longer logs in").isEqualTo(422);

        salesforce.registerClient(SalesforceSimulator.DEFAULT_CLIENT_ID, SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                "second-refresh-token");
        String integration = enable(salesforce("second-refresh-token"));
        salesforce.revocations().refuse(true);
        try {
            assertRefused(unlink(integration), "Salesforce");
        } finally {
            salesforce.revocations().refuse(false);
        }
    }

    @Test
    void xeroRevokesTheGrantOrSaysItCouldNot() {
        assertThat(unlink(enable(xero(XeroSimulator.DEFAULT_REFRESH_TOKEN))).path("statusReason").asText())
                .isEqualTo("unlinked; the grant was revoked at Xero");
        assertThat(xero.revocations().revoked()).isEqualTo(1);

        String integration = enable(xero(xero.issueRefreshToken()));
        xero.revocations().refuse(true);
        assertRefused(unlink(integration), "Xero");
    }

    @Test
    void quickBooksRevokesTheGrantOrSaysItCouldNot() {
        assertThat(unlink(enable(quickbooks(QuickBooksSimulator.DEFAULT_REFRESH_TOKEN))).path("statusReason")
                .asText()).isEqualTo("unlinked; the grant was revoked at QuickBooks");
        assertThat(quickbooks.revocations().revoked()).isEqualTo(1);

        String integration = enable(quickbooks(quickbooks.issueRefreshToken()));
        quickbooks.revocations().refuse(true);
        assertRefused(unlink(integration), "QuickBooks");
    }

    private void assertRefused(JsonNode unlinked, String provider) {
        assertThat(unlinked.path("status").asText()).isEqualTo("UNLINKED");
        assertThat(unlinked.path("statusReason").asText()).startsWith("unlinked, but " + provider
                + " refused to revoke the grant (HTTP 400)").contains("by hand");
    }

    private String enable(Map<String, Object> body) {
        HubClient.Answer created = admin.post(account + "/integrations", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return account + "/integrations/" + created.get("id").asText();
    }

    private JsonNode unlink(String integration) {
        assertThat(admin.delete(integration).status()).isEqualTo(204);
        JsonNode unlinked = admin.get(integration).json();
        assertThat(unlinked.path("status").asText()).isEqualTo("UNLINKED");
        return unlinked;
    }

    private Map<String, Object> salesforce(String refreshToken) {
        return Map.of("provider", "salesforce", "endpoint", Map.of("loginUrl", salesforce.baseUrl()),
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", refreshToken));
    }

    private Map<String, Object> xero(String refreshToken) {
        return Map.of("provider", "xero",
                "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl(),
                        "revokeUrl", xero.revokeUrl()),
                "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", refreshToken),
                "settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                        "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT));
    }

    private Map<String, Object> quickbooks(String refreshToken) {
        return Map.of("provider", "quickbooks",
                "endpoint", Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl(),
                        "revokeUrl", quickbooks.revokeUrl()),
                "credentials", Map.of("clientId", QuickBooksSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", QuickBooksSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", refreshToken,
                        "realmId", quickbooks.realmId()));
    }
}
