package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.Browser;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Connecting Salesforce the way users do, driven as a browser would: the administrator starts a connection, the
 * browser follows the authorize URL to the simulator, which approves (or denies) and sends it back to the hub's
 * callback. Replayed, tampered, foreign and expired states change nothing. The steps build on each other, in order.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {
        "hub.connections.state-lifetime=3s",
        "hub.connections.apps.salesforce.client-id=" + SalesforceSimulator.DEFAULT_CLIENT_ID,
        "hub.connections.apps.salesforce.client-secret=" + SalesforceSimulator.DEFAULT_CLIENT_SECRET})
class SalesforceSignInEndToEndTest {

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    HubClient admin;
    HubClient secondAdmin;
    HubClient regular;
    Browser browser = new Browser();
    String account;
    String integration;
    String usedCallback;

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(30)
                .withCases(10));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Signers")).get("id").asText();
        for (String[] user : new String[][] {{"ann@signin.test", "ADMINISTRATOR"}, {"cy@signin.test", "ADMINISTRATOR"},
                {"bob@signin.test", "REGULAR"}}) {
            operator.post(account + "/users", Map.of("email", user[0], "name", user[0], "role", user[1],
                    "password", "long-enough-pass"));
        }
        admin = HubClient.at(port).as("ann@signin.test", "long-enough-pass");
        secondAdmin = HubClient.at(port).as("cy@signin.test", "long-enough-pass");
        regular = HubClient.at(port).as("bob@signin.test", "long-enough-pass");
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
    }

    @Test
    @Order(1)
    void startingAConnectionChecksTheRequestAndAnswersTheAuthorizeUrl() {
        assertThat(regular.post(account + "/connections", start()).status()).isEqualTo(403);
        HubClient.Answer unknown = admin.post(account + "/connections", Map.of("provider", "insightly"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.get("field").asText()).isEqualTo("provider");
        HubClient.Answer badEndpoint = admin.post(account + "/connections", Map.of("provider", "salesforce",
                "endpoint", Map.of("loginUrl", "http://elsewhere.example")));
        assertThat(badEndpoint.status()).isEqualTo(400);

        HubClient.Answer started = admin.post(account + "/connections", start());
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        assertThat(started.get("status").asText()).isEqualTo("PENDING");
        assertThat(started.get("expiresAt").asText()).isNotBlank();
        String url = started.get("authorizeUrl").asText();
        assertThat(url).startsWith(salesforce.baseUrl() + "/services/oauth2/authorize?response_type=code")
                .contains("client_id=" + SalesforceSimulator.DEFAULT_CLIENT_ID)
                .contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + port + "%2Foauth%2Fcallback%2Fsalesforce")
                .contains("scope=api%20refresh_token").contains("state=").contains("code_challenge_method=S256")
                .doesNotContain(SalesforceSimulator.DEFAULT_CLIENT_SECRET);
        assertThat(admin.get(account + "/connections/" + started.get("id").asText()).get("status").asText())
                .isEqualTo("PENDING");
    }

    @Test
    @Order(2)
    void theCallbackCreatesTheIntegrationAndStartsItsFirstSync() {
        HubClient.Answer started = admin.post(account + "/connections", start());
        String callback = browser.authorize(started.get("authorizeUrl").asText());
        assertThat(callback).startsWith("http://localhost:" + port + "/oauth/callback/salesforce?code=");

        Browser.Page page = browser.visit(callback);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("Salesforce is connected").contains("first sync has started")
                .doesNotContain(SalesforceSimulator.DEFAULT_CLIENT_SECRET).doesNotContain(code(callback));
        usedCallback = callback;

        JsonNode connection = admin.get(account + "/connections/" + started.get("id").asText()).json();
        assertThat(connection.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(connection.path("error").isNull()).isTrue();
        integration = account + "/integrations/" + connection.path("integrationId").asText();
        JsonNode created = admin.get(integration).json();
        assertThat(created.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.path("ownerEmail").asText()).isEqualTo("ann@signin.test");

        JsonNode run = Poll.until(() -> admin.get(integration).json().path("lastRun"),
                last -> last.path("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(60));
        assertThat(run.path("counts").path("fetched").asInt()).isEqualTo(40);
        assertThat(admin.get(integration).text()).doesNotContain("sandbox-rt-");
    }

    @Test
    @Order(3)
    void aReplayedTamperedOrForeignStateChangesNothing() {
        int before = admin.get(account + "/integrations").json().size();
        Browser.Page replayed = browser.visit(usedCallback);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.text()).contains("already used").contains("Nothing was changed");

        HubClient.Answer malformed = admin.post(account + "/connections", Map.of("provider", "salesforce",
                "integrationId", "first"));
        assertThat(malformed.status()).as(malformed.text()).isEqualTo(400);
        assertThat(malformed.get("field").asText()).isEqualTo("integrationId");
        HubClient.Answer fraction = admin.post(account + "/connections", Map.of("provider", "salesforce",
                "integrationId", 1.5));
        assertThat(fraction.status()).as(fraction.text()).isEqualTo(400);
        assertThat(fraction.get("field").asText()).isEqualTo("integrationId");
        HubClient.Answer numeric = admin.post(account + "/connections", Map.of("provider", "salesforce",
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()), "integrationId", Long.parseLong(id(integration))));
        assertThat(numeric.status()).as("an id as answers write it, a number").isEqualTo(201);

        HubClient.Answer started = admin.post(account + "/connections", Map.of("provider", "salesforce",
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()), "integrationId", id(integration)));
        String callback = browser.authorize(started.get("authorizeUrl").asText());
        Browser.Page tampered = browser.visit(callback.replaceFirst("state=.", "state=x"));
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.text()).contains("did not start this sign-in");
        Browser.Page foreign = browser.visit(callback.replace("/oauth/callback/salesforce", "/oauth/callback/xero"));
        assertThat(foreign.status()).isEqualTo(400);
        Browser.Page noState = browser.visit(callback.replaceFirst("&state=.*", ""));
        assertThat(noState.status()).isEqualTo(400);
        // the right state without a code (someone who saw the URL): refused, and the state stays for the real one
        Browser.Page noCode = browser.visit(callback.replaceFirst("code=[^&]*", "code="));
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.text()).contains("without an authorization code").contains("Nothing was changed");
        assertThat(browser.visit("http://localhost:" + port + "/oauth/callback/nowhere?state=x").status())
                .isEqualTo(404);
        assertThat(browser.visit("http://localhost:" + port + "/oauth/callback/salesforce?state=%3Cb%3E"
                + "&error=%3Cb%3E").text()).doesNotContain("<b>");

        assertThat(admin.get(account + "/integrations").json().size()).isEqualTo(before);
        assertThat(admin.get(account + "/connections/" + started.get("id").asText()).get("status").asText())
                .isEqualTo("PENDING");
        assertThat(admin.get(integration).get("ownerEmail").asText()).isEqualTo("ann@signin.test");
    }

    @Test
    @Order(4)
    void aDenialEndsTheConnectionFailedWithTheReason() {
        salesforce.denyAuthorizations(true);
        try {
            HubClient.Answer started = secondAdmin.post(account + "/connections", reenable());
            String callback = browser.authorize(started.get("authorizeUrl").asText());
            assertThat(callback).contains("error=access_denied");
            Browser.Page page = browser.visit(callback);
            assertThat(page.text()).contains("Salesforce is not connected").contains("did not grant access");
            JsonNode connection = secondAdmin.get(account + "/connections/" + started.get("id").asText()).json();
            assertThat(connection.path("status").asText()).isEqualTo("FAILED");
            assertThat(connection.path("error").asText()).contains("access_denied");
            assertThat(admin.get(integration).get("ownerEmail").asText()).isEqualTo("ann@signin.test");
        } finally {
            salesforce.denyAuthorizations(false);
        }
    }

    @Test
    @Order(5)
    void anotherAdministratorReenablesAndBecomesTheOwner() {
        HubClient.Answer started = secondAdmin.post(account + "/connections", reenable());
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        Browser.Page page = browser.visit(browser.authorize(started.get("authorizeUrl").asText()));
        assertThat(page.text()).as(page.text()).contains("re-enabled");
        JsonNode connection = secondAdmin.get(account + "/connections/" + started.get("id").asText()).json();
        assertThat(connection.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(connection.path("integrationId").asText()).isEqualTo(id(integration));
        JsonNode reenabled = admin.get(integration).json();
        assertThat(reenabled.path("ownerEmail").asText()).isEqualTo("cy@signin.test");
        assertThat(reenabled.path("status").asText()).isEqualTo("ACTIVE");

        assertThat(secondAdmin.post(account + "/connections", start()).status()).isEqualTo(409);
    }

    @Test
    @Order(6)
    void anExpiredStateIsRefused() throws InterruptedException {
        HubClient.Answer started = secondAdmin.post(account + "/connections", reenable());
        String callback = browser.authorize(started.get("authorizeUrl").asText());
        Thread.sleep(3500);
        Browser.Page page = browser.visit(callback);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("expired");
        assertThat(secondAdmin.get(account + "/connections/" + started.get("id").asText()).get("status").asText())
                .isEqualTo("EXPIRED");
        assertThat(browser.visit(callback).status()).isEqualTo(400);
    }

    /** Multi-org apps must rotate refresh tokens: the code's token, spent by the enable check, is not what is kept. */
    @Test
    @Order(7)
    void withRotationOnTheSignedInIntegrationKeepsSyncing() {
        salesforce.rotateRefreshTokens(true);
        try {
            HubClient.Answer started = secondAdmin.post(account + "/connections", reenable());
            Browser.Page page = browser.visit(browser.authorize(started.get("authorizeUrl").asText()));
            assertThat(page.text()).as(page.text()).contains("re-enabled");
            for (int run = 0; run < 2; run++) {
                salesforce.expireSessions(); // each run's first call gets a 401 and logs in again, rotating
                assertThat(secondAdmin.syncAndWait(integration, "").path("status").asText()).isEqualTo("SUCCEEDED");
            }
            assertThat(admin.get(integration).get("status").asText()).isEqualTo("ACTIVE");
        } finally {
            salesforce.rotateRefreshTokens(false);
        }
    }

    private Map<String, Object> start() {
        return Map.of("provider", "salesforce", "endpoint", Map.of("loginUrl", salesforce.baseUrl()));
    }

    private Map<String, Object> reenable() {
        Map<String, Object> body = new HashMap<>(start());
        body.put("integrationId", id(integration));
        return body;
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String code(String callback) {
        return callback.replaceAll(".*code=([^&]*).*", "$1");
    }
}
