package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.config.EmbeddedDatabase;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The hub's PostgreSQL stops for 15 s while a sync waits on a slow token endpoint, then starts again on the same data
 * and port: the hub stays up, its health says DOWN within 2 s and UP again within a minute, the interrupted run ends
 * FAILED, and the pool, Quartz and the next sync carry on without a restart. The lease is 3 s here, so that the
 * outage outlasts it as a long one would outlast the production lease.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"hub.sync.lease=PT3S", "hub.sync.recovery-check=PT1S"})
class DatabaseOutageEndToEndTest {

    private static final int CONTACTS = 20;

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedDatabase database;

    @Autowired
    JdbcTemplate db;

    @Autowired
    Scheduler quartz;

    XeroSimulator xero;
    HubClient anonymous;
    HubClient admin;
    String account;
    String integration;

    @BeforeAll
    void setUp() {
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(CONTACTS));
        // shorter than the hub's refresh margin: every sync refreshes its token, and so waits for the endpoint
        xero.setAccessTokenLifetime(Duration.ofSeconds(60));
        anonymous = HubClient.at(port);
        HubClient operator = anonymous.as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Outage")).get("id").asText();
        operator.post(account + "/users", Map.of("email", "admin@outage.test", "role", "ADMINISTRATOR",
                "password", "admin-password"));
        admin = anonymous.as("admin@outage.test", "admin-password");
        HubClient.Answer enabled = admin.post(account + "/integrations", Map.of("provider", "xero",
                "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", xero.issueRefreshToken()),
                "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                "settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                        "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT)));
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(201);
        integration = account + "/integrations/" + enabled.get("id").asLong();
        admin.syncAndWait(integration, "");
    }

    @AfterAll
    void tearDown() {
        xero.close();
    }

    @Test
    void theHubOutlivesADatabaseOutageMidSync() throws Exception {
        awaitNoRunningRun();
        xero.setTokenLatency(Duration.ofSeconds(5));
        long interrupted = admin.post(integration + "/sync", null).get("runId").asLong();
        Thread.sleep(1000);

        database.stop();
        long stopped = System.nanoTime();
        HubClient.Answer down = anonymous.get("/actuator/health");
        long downMillis = Duration.ofNanos(System.nanoTime() - stopped).toMillis();
        System.out.println("health DOWN " + downMillis + " ms after the database stopped");
        assertThat(down.status()).as(down.text()).isEqualTo(503);
        assertThat(down.get("status").asText()).isEqualTo("DOWN");
        assertThat(downMillis).isLessThan(2000);
        Thread.sleep(15_000 - downMillis);
        assertThat(anonymous.get("/actuator/health/liveness").get("status").asText()).as("the hub still answers")
                .isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health").get("status").asText()).isEqualTo("DOWN");

        database.resume();
        Instant resumed = Instant.now();
        long started = System.nanoTime();
        while (!"UP".equals(anonymous.get("/actuator/health").get("status").asText())) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
            Thread.sleep(200);
        }
        System.out.println("health UP " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms after the database started again");

        // ended either way, never left RUNNING: FAILED when a statement met the outage, SUCCEEDED when each of its
        // steps waited it out (the pool waits up to 30 s for a connection); the next sync and the count below show
        // that nothing was lost or stored twice
        JsonNode run = awaitRun(interrupted);
        assertThat(run.path("status").asText()).as(run.toString()).isIn("FAILED", "SUCCEEDED");
        xero.setTokenLatency(Duration.ZERO);
        awaitNoRunningRun();
        JsonNode next = admin.syncAndWait(integration, "");
        assertThat(next.path("status").asText()).as(next.toString()).isEqualTo("SUCCEEDED");
        JsonNode contacts = admin.tasks(account, "status=all&type=contacts&size=500");
        Set<String> externalIds = new HashSet<>();
        contacts.path("items").forEach(task -> externalIds.add(task.path("externalId").asText()));
        assertThat(contacts.path("total").asInt()).isEqualTo(CONTACTS);
        assertThat(externalIds).hasSize(CONTACTS);

        assertThat(quartz.isStarted() && !quartz.isInStandbyMode()).isTrue();
        Thread.sleep(6000); // a cluster check-in (every 5 s) after the outage
        Timestamp checkin = db.queryForObject(
                "select to_timestamp(max(last_checkin_time) / 1000.0) from qrtz_scheduler_state", Timestamp.class);
        assertThat(checkin.toInstant()).as("Quartz checks in again").isAfter(resumed);
    }

    private JsonNode awaitRun(long runId) {
        return Poll.until(() -> admin.get(account + "/runs/" + runId).json(),
                run -> !"RUNNING".equals(run.path("status").asText()), Duration.ofSeconds(60));
    }

    private void awaitNoRunningRun() {
        Poll.until(() -> db.queryForObject("select count(*) from sync_run where status = 'RUNNING'", Long.class),
                running -> running == 0, Duration.ofSeconds(60));
    }
}
