package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.Rationing;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Two accounts connected to one Xero organisation, synced at the same moment, against a Xero that refuses a second
 * call in flight for the organisation (429, X-Rate-Limit-Problem: concurrent) and answers each after 200 ms: the hub
 * runs them one after the other, so Xero never has to refuse, and both import everything.
 */
@HubTest
@TestPropertySource(properties = "hub.pacing.xero.at-once=1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PacingEndToEndTest {

    private static final int CONTACTS = 250; // three pages of 100

    @LocalServerPort
    int port;

    XeroSimulator xero;
    HubClient operator;

    @BeforeAll
    void setUp() {
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(CONTACTS)
                .withRationing(new Rationing(Duration.ofMillis(200), 0, 0, 1)));
        operator = HubClient.at(port).as("operator", "operator-test-pass");
    }

    @AfterAll
    void tearDown() {
        xero.close();
    }

    @Test
    void twoRunsOfOneOrganisationNeverHaveTwoCallsInFlight() {
        // one after the other: an enabling check is no run, and a run of the other would be in flight meanwhile
        List<String> integrations = List.of(enableAndSettle("North Books"), enableAndSettle("South Books"));
        assertThat(xero.throttled()).isZero();

        List<CompletableFuture<JsonNode>> syncs = integrations.stream()
                .map(path -> CompletableFuture.supplyAsync(() -> operator.post(path + "/sync?wait=true&full=true",
                        null).json()))
                .toList();
        for (CompletableFuture<JsonNode> sync : syncs) {
            JsonNode run = sync.join();
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(run.path("counts").path("fetched").asInt()).isEqualTo(CONTACTS);
        }
        assertThat(xero.throttled()).as("calls Xero refused as over the organisation's calls at once").isZero();
        assertThat(xero.requests()).isPositive();
    }

    /** Enabled, and its first sync over. */
    private String enableAndSettle(String name) {
        String path = enable(name);
        assertThat(operator.post(path + "/sync?wait=true", null).status()).isEqualTo(200);
        return path;
    }

    private String enable(String name) {
        long account = operator.post("/api/accounts", Map.of("name", name)).get("id").asLong();
        HubClient.Answer enabled = operator.post("/api/accounts/" + account + "/integrations", Map.of(
                "provider", "xero",
                "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", xero.issueRefreshToken()),
                "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                "settings", Map.of("revenueAccountCode", "200", "expenseAccountCode", "400")));
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(201);
        return "/api/accounts/" + account + "/integrations/" + enabled.get("id").asLong();
    }
}
