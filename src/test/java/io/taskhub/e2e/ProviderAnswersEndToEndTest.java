package io.taskhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What a provider answers when it is in trouble, served by WireMock in Insightly's wire format to a real hub: an
 * HTML maintenance page or a truncated body is fetched again (never parsed again) and the run succeeds once the
 * provider recovers, or fails naming the page; an answer trickled a chunk at a time is cut at the whole-answer
 * timeout; a full reconciliation whose offset pages shifted archives as DELETED only what a read by id confirms gone.
 */
@HubTest
@TestPropertySource(properties = {"hub.insightly.page-size=2", "hub.sync.retry-delay-ms=100",
        "hub.http.read-timeout-ms=1000", "hub.http.response-timeout-ms=2000"})
class ProviderAnswersEndToEndTest {

    private static final String TASKS = "/v3.1/Tasks";

    @LocalServerPort
    int port;

    WireMockServer insightly;
    HubClient admin;
    String account;
    String integration;

    @BeforeEach
    void setUp() {
        insightly = new WireMockServer(options().dynamicPort());
        insightly.start();
        insightly.stubFor(get(urlPathEqualTo("/v3.1/Users/Me")).willReturn(okJson("{\"USER_ID\": 1}")));
        insightly.stubFor(get(urlPathEqualTo("/v3.1/Users")).willReturn(okJson("[]")));
        insightly.stubFor(get(urlPathEqualTo(TASKS)).willReturn(okJson("[]")));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Answers")).get("id").asText();
        String email = "admin-" + account.substring(account.lastIndexOf('/') + 1) + "@answers.test";
        operator.post(account + "/users", Map.of("email", email, "role", "ADMINISTRATOR", "password", "admin-password"));
        admin = HubClient.at(port).as(email, "admin-password");
        HubClient.Answer enabled = admin.post(account + "/integrations", Map.of("provider", "insightly",
                "credentials", Map.of("apiKey", "answers-key", "pod", "na1"),
                "endpoint", Map.of("baseUrl", insightly.baseUrl() + "/v3.1"), "selectedTypes", List.of("tasks")));
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(201);
        integration = account + "/integrations/" + enabled.get("id").asText();
        awaitFirstSync();
    }

    /**
     * Enabling starts a first sync: it reads an empty list, and is over before a test stubs its answers, so that
     * it takes none of them and none of its requests are counted.
     */
    private void awaitFirstSync() {
        Poll.until(() -> admin.get(integration).json().path("lastRun").path("finishedAt").asText(""),
                finished -> !finished.isEmpty(), Duration.ofSeconds(30));
        insightly.resetAll();
        insightly.stubFor(get(urlPathEqualTo("/v3.1/Users/Me")).willReturn(okJson("{\"USER_ID\": 1}")));
        insightly.stubFor(get(urlPathEqualTo("/v3.1/Users")).willReturn(okJson("[]")));
    }

    @AfterEach
    void tearDown() {
        insightly.stop();
    }

    @Test
    void anHtmlPageAndATruncatedBodyAreFetchedAgainUntilTheRealPageComes() {
        insightly.stubFor(get(urlPathEqualTo(TASKS)).inScenario("trouble").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Down for maintenance</body></html>"))
                .willSetStateTo("truncated"));
        insightly.stubFor(get(urlPathEqualTo(TASKS)).inScenario("trouble").whenScenarioStateIs("truncated")
                .willReturn(okJson(tasks(1, 2).substring(0, 40))).willSetStateTo("recovered"));
        insightly.stubFor(get(urlPathEqualTo(TASKS)).inScenario("trouble").whenScenarioStateIs("recovered")
                .withQueryParam("skip", equalTo("0")).willReturn(okJson(tasks(1))));

        JsonNode run = admin.syncAndWait(integration, "");

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("created").asInt()).isEqualTo(1);
        insightly.verify(3, getRequestedFor(urlPathEqualTo(TASKS)));
    }

    @Test
    void aPageThatStaysUnreadableFailsTheRunNamingIt() {
        insightly.stubFor(get(urlPathEqualTo(TASKS)).willReturn(okJson("[{\"TASK_ID\": 1, \"TITLE\": \"cut")));

        JsonNode run = admin.syncAndWait(integration, "");

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).contains("/Tasks?").contains("could not be read");
        // fetched again with the back-off, as often as the retries allow: 1 + hub.sync.retries (3 in the test profile)
        insightly.verify(4, getRequestedFor(urlPathEqualTo(TASKS)));
    }

    @Test
    void anAnswerTrickledSlowerThanTheResponseTimeoutIsCut() {
        // a chunk every 250 ms never trips the 1 s read timeout; only the 2 s whole-answer bound stops it
        insightly.stubFor(get(urlPathEqualTo(TASKS)).willReturn(okJson(tasks(1))
                .withChunkedDribbleDelay(40, 10_000)));
        long started = System.nanoTime();

        JsonNode run = admin.syncAndWait(integration, "");

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).contains("timed out");
        // five tries of at most 2 s each, and the back-off between them
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aFullReconciliationWhosePagesShiftedArchivesOnlyWhatIsConfirmedGone() {
        page(0, tasks(1, 2));
        page(2, tasks(3, 5));
        page(4, "[]");
        assertThat(admin.syncAndWait(integration, "").path("counts").path("created").asInt()).isEqualTo(4);

        // task 5 was deleted; task 2 went too while the pages were read, so task 3 moved onto page 1 and was missed
        insightly.resetAll();
        setUpUsers();
        page(0, tasks(1, 4));
        page(2, "[]");
        insightly.stubFor(get(urlPathEqualTo(TASKS + "/2")).willReturn(notFound()));
        insightly.stubFor(get(urlPathEqualTo(TASKS + "/3")).willReturn(okJson(task(3))));
        insightly.stubFor(get(urlPathEqualTo(TASKS + "/5")).willReturn(notFound()));

        JsonNode run = admin.syncAndWait(integration, "&full=true");

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("archived").asInt()).isEqualTo(2);
        assertThat(status("3")).isEqualTo("ACTIVE");
        assertThat(status("2")).isEqualTo("ARCHIVED DELETED");
        assertThat(status("5")).isEqualTo("ARCHIVED DELETED");
        assertThat(status("4")).isEqualTo("ACTIVE");
    }

    private void setUpUsers() {
        insightly.stubFor(get(urlPathEqualTo("/v3.1/Users")).willReturn(okJson("[]")));
    }

    private void page(int skip, String body) {
        insightly.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("skip", equalTo(String.valueOf(skip)))
                .willReturn(okJson(body)));
    }

    /** The task's status and archive reason, as a client lists them. */
    private String status(String externalId) {
        for (JsonNode task : admin.tasks(account, "status=all&type=tasks&size=100").path("items")) {
            if (task.path("externalId").asText().equals(externalId)) {
                return (task.path("status").asText() + " " + task.path("archivedReason").asText("")).trim();
            }
        }
        throw new AssertionError("no task " + externalId);
    }

    private static String tasks(int... ids) {
        return IntStream.of(ids).mapToObj(ProviderAnswersEndToEndTest::task).collect(Collectors.joining(",", "[", "]"));
    }

    private static String task(int id) {
        return "{\"TASK_ID\": " + id + ", \"TITLE\": \"task " + id + "\", \"COMPLETED\": false, "
                + "\"DATE_UPDATED_UTC\": \"2026-11-0" + id + " 10:00:00\"}";
    }
}
