package io.taskhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator watches: after a sync that succeeds and one that fails, the Prometheus scrape holds the runs by
 * outcome, the records by type, the durations, the retries, the forced-sync queue, the integrations failing and
 * Camel's per-route meters; the integrations health group names the failing one, and readiness stands on the
 * database and the scheduler. Counters are compared before and after: other test classes share the hub.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperabilityEndToEndTest {

    @LocalServerPort
    int port;

    WireMockServer healthy;
    WireMockServer failing;
    HubClient operator;
    HubClient admin;
    String account;

    @BeforeAll
    void setUp() {
        healthy = insightly(okJson("[{\"TASK_ID\": 1, \"TITLE\": \"one\", \"DATE_UPDATED_UTC\": \"2026-11-01 10:00:00\"},"
                + "{\"TASK_ID\": 2, \"TITLE\": \"two\", \"DATE_UPDATED_UTC\": \"2026-11-02 10:00:00\"}]")
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "4321"));
        failing = insightly(serverError());
        operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Operability")).get("id").asText();
        operator.post(account + "/users", Map.of("email", "admin@operability.test", "role", "ADMINISTRATOR",
                "password", "admin-password"));
        admin = HubClient.at(port).as("admin@operability.test", "admin-password");
    }

    @AfterAll
    void tearDown() {
        healthy.stop();
        failing.stop();
    }

    @Test
    void theScrapeAndTheHealthGroupsTellHowSyncsGo() {
        String before = scrape();
        String good = enable(healthy);
        assertThat(admin.syncAndWait(good, "").path("status").asText()).isEqualTo("SUCCEEDED");
        String bad = enable(failing);
        JsonNode failed = admin.syncAndWait(bad, "");
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        String after = scrape();

        // a new integration syncs at once by itself too: as many runs as the API lists, whatever their trigger
        long succeeded = runs(good, "SUCCEEDED");
        long failedRuns = runs(bad, "FAILED");
        String runs = "hub_sync_runs_total{outcome=\"%s\",provider=\"insightly\",trigger=\"%s\"}";
        assertThat(delta(before, after, runs.formatted("SUCCEEDED", "FORCED"))
                + delta(before, after, runs.formatted("SUCCEEDED", "TIMER"))).isEqualTo(succeeded);
        assertThat(delta(before, after, runs.formatted("FAILED", "FORCED"))
                + delta(before, after, runs.formatted("FAILED", "TIMER"))).isEqualTo(failedRuns);
        assertThat(delta(before, after,
                "hub_sync_records_total{outcome=\"created\",provider=\"insightly\",type=\"tasks\"}")).isEqualTo(2);
        assertThat(delta(before, after,
                "hub_sync_duration_seconds_count{outcome=\"SUCCEEDED\",provider=\"insightly\"}")).isEqualTo(succeeded);
        // each failed run's retries (hub.sync.retries, 3 in the test profile)
        assertThat(delta(before, after, "hub_provider_retries_total{provider=\"insightly\"}"))
                .isEqualTo(3 * failedRuns);
        // the integrations are read from the database every 15 s, in the background
        String failedId = bad.substring(bad.lastIndexOf('/') + 1);
        JsonNode integrations = Poll.until(() -> operator.get("/actuator/health/integrations").json(),
                health -> health.path("components").path("integrationFreshness").path("details").path("inTrouble")
                        .toString().contains("\"integrationId\":" + failedId), Duration.ofSeconds(40));
        assertThat(integrations.path("status").asText()).isEqualTo("UP");
        assertThat(integrations.path("components").path("integrationFreshness").path("details").path("inTrouble")
                .toString()).contains("last run failed");
        assertThat(value(scrape(), "hub_integrations_failing{provider=\"insightly\"}")).isGreaterThanOrEqualTo(1);
        // the budget the provider's answers told: on the integration, and the least of it per provider in the scrape
        assertThat(admin.get(good).get("providerLimits").path("values").path("dailyRemaining").asLong())
                .isEqualTo(4321);
        Poll.until(this::scrape, scrape -> scrape.contains(
                "hub_provider_limit_remaining{limit=\"dailyRemaining\",provider=\"insightly\"}"), Duration.ofSeconds(30));
        JsonNode readiness = operator.get("/actuator/health/readiness").json();
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("scheduler").path("status").asText()).isEqualTo("UP");
        assertThat(HubClient.at(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(403);
    }

    private WireMockServer insightly(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tasks) {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/v3.1/Users/Me")).willReturn(okJson("{\"USER_ID\": 1}")));
        server.stubFor(get(urlPathEqualTo("/v3.1/Users")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/v3.1/Tasks")).willReturn(tasks));
        return server;
    }

    /** One Insightly integration of the account at a time: the other is unlinked first. */
    private String enable(WireMockServer insightly) {
        for (JsonNode integration : admin.get(account + "/integrations").json()) {
            admin.delete(account + "/integrations/" + integration.path("id").asText());
        }
        HubClient.Answer enabled = admin.post(account + "/integrations", Map.of("provider", "insightly",
                "credentials", Map.of("apiKey", "operability-key", "pod", "na1"),
                "endpoint", Map.of("baseUrl", insightly.baseUrl() + "/v3.1"), "selectedTypes", List.of("tasks")));
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(201);
        return account + "/integrations/" + enabled.get("id").asText();
    }

    private long runs(String integration, String status) {
        JsonNode runs = admin.get(integration + "/runs").json();
        long ended = 0;
        for (JsonNode run : runs) {
            assertThat(run.path("status").asText()).isNotEqualTo("RUNNING");
            ended += run.path("status").asText().equals(status) ? 1 : 0;
        }
        assertThat(ended).isPositive();
        return ended;
    }

    private String scrape() {
        HubClient.Answer scrape = operator.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.text();
    }

    private static double delta(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    /** A series' value in a scrape, 0 when it is not there yet. */
    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
