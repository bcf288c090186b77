package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.TaskHubApplication;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The issue's acceptance run, through the REST API alone: enable Xero, sync, stop the hub, archive a contact and
 * add one, start the hub again on the same data directory and sync: the refresh token rotated before the restart
 * was kept (every refresh token works once), and the incremental sync asks with If-Modified-Since for the changes
 * only. Self-contained: it starts and stops its own hub twice, beside any other test's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XeroRestartTest {

    private static final int CONTACTS = 250;

    XeroSimulator xero;
    String dataDir;

    @BeforeAll
    void start() {
        // shorter than the hub's refresh margin: every sync rotates the refresh token
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(CONTACTS)
                .withAccessTokenLifetime(Duration.ofSeconds(60)));
        dataDir = "target/test-data/xero-restart-" + UUID.randomUUID();
    }

    @AfterAll
    void stop() {
        xero.close();
    }

    @Test
    void theRotatedTokenAndTheCursorSurviveARestart() {
        String integration;
        try (ConfigurableApplicationContext hub = startHub()) {
            HubClient operator = HubClient.at(port(hub)).as("operator", "operator-test-pass");
            long account = operator.post("/api/accounts", Map.of("name", "Restart Ltd")).get("id").asLong();
            operator.post("/api/accounts/" + account + "/users", Map.of("email", "ria@restart.test",
                    "role", "ADMINISTRATOR", "password", "ria-password"));
            HubClient admin = HubClient.at(port(hub)).as("ria@restart.test", "ria-password");
            HubClient.Answer created = admin.post("/api/accounts/" + account + "/integrations", Map.of(
                    "provider", "xero",
                    "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", xero.issueRefreshToken()),
                    "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                    "settings", Map.of("revenueAccountCode", "200", "expenseAccountCode", "429")));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            integration = "/api/accounts/" + account + "/integrations/" + created.get("id").asText();
            assertThat(syncAndWait(admin, integration).path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(syncAndWait(admin, integration).path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(admin.get(integration.replaceFirst("/integrations/.*", "") + "/tasks?type=contacts&status=all")
                    .get("total").asInt()).isEqualTo(CONTACTS);
        }

        String archived = IntStream.range(0, CONTACTS).mapToObj(xero::contactId)
                .filter(id -> xero.contact(id).get("ContactStatus").equals("ACTIVE")).findFirst().orElseThrow();
        xero.archiveContact(archived);
        String added = xero.createContact("After The Restart Ltd", "new@after.example");
        int refreshes = xero.tokenRequestCount();
        xero.resetCounters();

        try (ConfigurableApplicationContext hub = startHub()) {
            HubClient admin = HubClient.at(port(hub)).as("ria@restart.test", "ria-password");
            JsonNode run = syncAndWait(admin, integration);
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(run.path("counts").path("fetched").asInt()).isEqualTo(2);
            assertThat(run.path("counts").path("created").asInt()).isEqualTo(1);
            assertThat(run.path("counts").path("archived").asInt()).isEqualTo(1);
            assertThat(refreshes).isGreaterThanOrEqualTo(2);
            assertThat(xero.tokenRequestCount()).isPositive();
            List<XeroSimulator.ContactsRequest> asked = xero.contactsRequests();
            assertThat(asked).isNotEmpty().allMatch(request -> request.ifModifiedSince() != null);
            String tasks = integration.replaceFirst("/integrations/.*", "") + "/tasks?status=all&q=";
            assertThat(admin.get(tasks + archived).json().path("items").get(0).path("archivedReason").asText())
                    .isEqualTo("CLOSED");
            assertThat(admin.get(tasks + added).json().path("total").asInt()).isEqualTo(1);
        }
    }

    /**
     * Quartz keeps its data sources in a JVM-wide registry under the scheduler's name: a name of its own keeps this
     * hub's from replacing the one of the hub that the other tests share, and from being closed under it.
     */
    private ConfigurableApplicationContext startHub() {
        return new SpringApplicationBuilder(TaskHubApplication.class)
                .profiles("test")
                .run("--hub.data-dir=" + dataDir, "--server.port=0",
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=taskhub-restart-test");
    }

    private static int port(ConfigurableApplicationContext hub) {
        return ((WebServerApplicationContext) hub).getWebServer().getPort();
    }

    /** A sync the timer started at enable or restart may be running: the forced one then waits for it and runs. */
    private static JsonNode syncAndWait(HubClient client, String integration) {
        HubClient.Answer answer = client.post(integration + "/sync?wait=true", null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }
}
