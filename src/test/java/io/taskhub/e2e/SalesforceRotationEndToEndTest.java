package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.taskhub.sandbox.salesforce.SalesforceSimulator;
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
 * A Salesforce app with refresh-token rotation: every login answers a new refresh token and kills the used one.
 * With no session kept between runs, each run logs in with what the last login answered, so runs keep succeeding
 * only if every rotated token was stored.
 */
@HubTest
@TestPropertySource(properties = "hub.salesforce.kept-sessions=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesforceRotationEndToEndTest {

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    HubClient admin;
    String integration;

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(30)
                .withCases(5));
        salesforce.rotateRefreshTokens(true);
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Rotating org")).get("id").asLong();
        String email = "admin@rotating.test";
        operator.post("/api/accounts/" + account + "/users", Map.of("email", email, "name", "Admin",
                "role", "ADMINISTRATOR", "password", "admin-password"));
        admin = HubClient.at(port).as(email, "admin-password");
        HubClient.Answer created = admin.post("/api/accounts/" + account + "/integrations", Map.of(
                "provider", "salesforce",
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("loginUrl", salesforce.baseUrl())));
        assertThat(created.status()).isEqualTo(201);
        integration = "/api/accounts/" + account + "/integrations/" + created.get("id").asText();
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
    }

    @Test
    void everyRunLogsInWithTheTokenTheLastLoginAnswered() throws Exception {
        Poll.until(() -> admin.get(integration).json().path("lastRun").path("status").asText(),
                status -> status.equals("SUCCEEDED"), Duration.ofSeconds(60)); // the first sync, after enabling
        for (int run = 0; run < 3; run++) {
            int logins = salesforce.tokenRequestCount();
            assertThat(admin.syncAndWait(integration, "&full=true").path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(salesforce.tokenRequestCount()).isEqualTo(logins + 1); // with a token a login answered
        }
        assertThat(admin.get(integration).get("status").asText()).isEqualTo("ACTIVE");
        // the pasted token was spent by the enable check: Salesforce refuses it now
        assertThat(refresh(SalesforceSimulator.DEFAULT_REFRESH_TOKEN)).isEqualTo(400);
        assertThat(admin.get(integration).text()).doesNotContain(SalesforceSimulator.DEFAULT_REFRESH_TOKEN)
                .doesNotContainIgnoringCase("refresh_token");
    }

    private int refresh(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + SalesforceSimulator.DEFAULT_CLIENT_ID
                + "&client_secret=" + SalesforceSimulator.DEFAULT_CLIENT_SECRET + "&refresh_token="
                + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
