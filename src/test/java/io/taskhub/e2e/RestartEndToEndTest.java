package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.TaskHubApplication;
import io.taskhub.config.EmbeddedDatabase;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.security.CredentialCipher;
import io.taskhub.support.HubClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stopping and starting the hub loses nothing: tasks, runs, credentials (sealed with the key kept in the data
 * directory) and cursors survive, and a sync that fell due while the hub was down runs as soon as it is back.
 * Credentials an earlier version sealed are re-sealed, bound to their integration, at start.
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
        HubClient ann = client(first).as("ann@acme.test", "ann-password");
        String integration = enableSalesforce(first);
        String account = integration.replaceFirst("/integrations/.*", "");
        assertThat(ann.post(integration + "/sync?wait=true", null).get("status").asText()).isEqualTo("SUCCEEDED");
        long tasks = ann.get(account + "/tasks?status=all&size=1").get("total").asLong();
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
            assertThat(annAgain.get(account + "/tasks?status=all&size=1").get("total").asLong())
                    .as("everything kept, the new case added, nothing twice").isEqualTo(tasks + 1);
            assertThat(annAgain.get(account + "/tasks?q=Changed%20while%20the%20hub%20was%20down")
                    .get("total").asInt()).isEqualTo(1);
            String database = second.getBean(EmbeddedDatabase.class).jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(database, EmbeddedDatabase.USER, "").close())
                    .as("the hub's database lets no one in without the password").isInstanceOf(SQLException.class);
        } finally {
            second.close();
        }
    }

    @Test
    void credentialsSealedByTheEarlierVersionAreResealedForTheirIntegrationAtStart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "legacy-credentials-test");
        String integration;
        long id;
        String plaintext;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            integration = enableSalesforce(first);
            assertThat(client(first).as("ann@acme.test", "ann-password").post(integration + "/sync?wait=true", null)
                    .get("status").asText()).isEqualTo("SUCCEEDED");
            id = Long.parseLong(integration.substring(integration.lastIndexOf('/') + 1));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            plaintext = first.getBean(CredentialCipher.class).open(id, credentials(jdbc, id));
            // as the earlier version stored them, and as migration V22 found them
            jdbc.update("update integration set credentials = ?, credentials_legacy = true where id = ?",
                    sealedTheOldWay(plaintext, dataDir), id);
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            HubClient ann = client(second).as("ann@acme.test", "ann-password");
            // a sync logs in to Salesforce with the stored credentials, whatever it then fetches
            JsonNode run = ann.post(integration + "/sync?wait=true", null).json();
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");

            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            byte[] resealed = credentials(jdbc, id);
            assertThat(resealed[0]).as("format version").isEqualTo((byte) 1);
            assertThat(second.getBean(CredentialCipher.class).open(id, resealed)).isEqualTo(plaintext);
            assertThat(jdbc.queryForObject("select credentials_legacy from integration where id = ?", Boolean.class,
                    id)).isFalse();
        }
    }

    /** Ann, administrator of a new account, enables Salesforce; answers the integration's path. */
    private String enableSalesforce(ConfigurableApplicationContext hub) {
        HubClient operator = client(hub).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Acme")).get("id").asLong();
        operator.post("/api/accounts/" + account + "/users", Map.of("email", "ann@acme.test",
                "role", "ADMINISTRATOR", "password", "ann-password"));
        HubClient ann = client(hub).as("ann@acme.test", "ann-password");
        return "/api/accounts/" + account + "/integrations/" + ann.post("/api/accounts/" + account
                + "/integrations", Map.of("provider", "salesforce", "intervalSeconds", 600,
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()))).get("id").asText();
    }

    private static byte[] credentials(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("select credentials from integration where id = ?", byte[].class, id);
    }

    /** What the earlier version stored: a nonce and AES-GCM under the key's SHA-256, with no associated data. */
    private static byte[] sealedTheOldWay(String plaintext, Path dataDir) throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256").digest(Files.readString(dataDir.resolve("secret.key"))
                .trim().getBytes(StandardCharsets.UTF_8));
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
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
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(dataDir);
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedDatabase.USER,
                     postgres.password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("update qrtz_triggers set next_fire_time = "
                    + (System.currentTimeMillis() - 120_000));
        }
    }
}
