package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.TaskHubApplication;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping and starting the hub loses nothing: tasks, runs, credentials (sealed with the key kept in the data
 * directory) and cursors survive, and a sync that fell due while the hub was down runs as soon as it is back.
 */
class RestartEndToEndTest {

    private final SalesforceSimulator salesforce = SalesforceSimulator.start(
            SalesforceSimulator.Options.defaults().withOpportunities(400).withCases(100));

    @AfterEach
    void stopSimulator() {
        salesforce.close();
    }

    @Test
    void aRestartedHubCarriesOnWhereItStopped() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-test");

        ConfigurableApplicationContext first = start(dataDir);
        HubClient operator = client(first).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Acme")).get("id").asLong();
        operator.post("/api/accounts/" + account + "/users", Map.of("email", "ann@acme.test",
                "role", "ADMINISTRATOR", "password", "ann-password"));
        HubClient ann = client(first).as("ann@acme.test", "ann-password");
        String integration = "/api/accounts/" + account + "/integrations/" + ann.post("/api/accounts/" + account
                + "/integrations", Map.of("provider", "salesforce", "intervalSeconds", 600,
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()))).get("id").asText();
        assertThat(ann.post(integration + "/sync?wait=true", null).get("status").asText()).isEqualTo("SUCCEEDED");
        long tasks = ann.get("/api/accounts/" + account + "/tasks?status=all&size=1").get("total").asLong();
        int runs = ann.get(integration + "/runs").json().size();
        first.close();

        // while the hub is down: records change, and its next sync falls due
        salesforce.update(salesforce.opportunityId(7), Map.of("Name", "Changed while the hub was down"));
        salesforce.createCase("Opened while the hub was down", "New");
        makeTriggersDue(dataDir);

        ConfigurableApplicationContext second = start(dataDir);
        try {
            HubClient annAgain = client(second).as("ann@acme.test", "ann-password");
            await().atMost(Duration.ofSeconds(30)).until(() -> annAgain.get(integration + "/runs").json().size() > runs);
            JsonNode timerRun = await().atMost(Duration.ofSeconds(30)).until(
                    () -> annAgain.get(integration + "/runs").json().get(0),
                    run -> run.path("finishedAt").isTextual());
            assertThat(timerRun.path("trigger").asText()).isEqualTo("TIMER");
            assertThat(timerRun.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(timerRun.path("counts").path("fetched").asInt()).as("only the changes").isEqualTo(2);
            assertThat(annAgain.get("/api/accounts/" + account + "/tasks?status=all&size=1").get("total").asLong())
                    .as("everything kept, the new case added, nothing twice").isEqualTo(tasks + 1);
            assertThat(annAgain.get("/api/accounts/" + account + "/tasks?q=Changed%20while%20the%20hub%20was%20down")
                    .get("total").asInt()).isEqualTo(1);
        } finally {
            second.close();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TaskHubApplication.class)
                .profiles("test")
                .run("--server.port=0", "--hub.data-dir=" + dataDir);
    }

    private static HubClient client(ConfigurableApplicationContext hub) {
        return HubClient.at(Integer.parseInt(hub.getEnvironment().getProperty("local.server.port")));
    }

    /** Opens the stopped hub's database, as the hub would find it after a long night. */
    private static void makeTriggersDue(Path dataDir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("update qrtz_triggers set next_fire_time = "
                    + (System.currentTimeMillis() - 120_000));
        }
    }
}
