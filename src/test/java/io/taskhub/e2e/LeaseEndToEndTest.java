package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Leases belong to runs and live as long as their run: a run that waits longer than the lease keeps it, a run that
 * lost it writes nothing more, and a run whose instance died is ended and its integration synced again at once.
 * The lease is 2 s here, the token endpoint made slower than that where a run must wait.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"hub.sync.lease=PT2S", "hub.sync.recovery-check=PT1S"})
class LeaseEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate db;

    XeroSimulator xero;
    HubClient admin;
    String account;
    String integration;
    long integrationId;

    @BeforeAll
    void setUp() {
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(20));
        // shorter than the hub's refresh margin: every sync refreshes its token, and so waits for the endpoint
        xero.setAccessTokenLifetime(Duration.ofSeconds(60));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Leases")).get("id").asText();
        operator.post(account + "/users", Map.of("email", "admin@leases.test", "role", "ADMINISTRATOR",
                "password", "admin-password"));
        admin = HubClient.at(port).as("admin@leases.test", "admin-password");
        HubClient.Answer enabled = admin.post(account + "/integrations", Map.of("provider", "xero",
                "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", XeroSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                "settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                        "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT)));
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(201);
        integrationId = enabled.get("id").asLong();
        integration = account + "/integrations/" + integrationId;
        admin.syncAndWait(integration, "");
    }

    @BeforeEach
    void noRunInFlight() throws InterruptedException {
        xero.setTokenLatency(Duration.ZERO);
        awaitNoRunningRun();
    }

    @AfterAll
    void tearDown() {
        xero.close();
    }

    @Test
    void aRunWaitingLongerThanItsLeaseKeepsIt() throws InterruptedException {
        xero.setTokenLatency(Duration.ofSeconds(5));
        long first = admin.post(integration + "/sync", null).get("runId").asLong();
        Thread.sleep(3500); // past the lease: only the heartbeat keeps it
        HubClient.Answer again = admin.post(integration + "/sync", null);
        assertThat(again.get("runId").asLong()).as("a second run while the first waits").isEqualTo(first);
        JsonNode run = awaitRun(first);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(runsSince(first)).isEqualTo(1);
    }

    @Test
    void aRunThatLostItsLeaseWritesNothingMore() throws InterruptedException {
        long tasksBefore = tasks();
        xero.setTokenLatency(Duration.ofSeconds(3));
        xero.createContact("Written by nobody", "nobody@leases.test");
        long runId = admin.post(integration + "/sync", null).get("runId").asLong();
        Thread.sleep(500);
        // another instance took the integration over (as after a long freeze of this one)
        db.update("update integration set lease_owner = 'another-instance/run-0', "
                + "lease_until = now() + interval '1 minute' where id = ?", integrationId);
        JsonNode run = awaitRun(runId);
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).contains("lease");
        assertThat(tasks()).isEqualTo(tasksBefore);
        db.update("update integration set lease_owner = null, lease_until = null where id = ?", integrationId);
    }

    @Test
    void aRunWhoseInstanceDiedIsEndedAndItsIntegrationSyncedAgainAtOnce() throws InterruptedException {
        Long dead = db.queryForObject("insert into sync_run (integration_id, trigger, full_sync, status) "
                + "values (?, 'TIMER', false, 'RUNNING') returning id", Long.class, integrationId);
        db.update("update integration set lease_owner = 'dead-instance/run-' || ?, "
                + "lease_until = now() - interval '1 second' where id = ?", dead, integrationId);
        JsonNode ended = awaitRun(dead);
        assertThat(ended.path("status").asText()).isEqualTo("FAILED");
        assertThat(ended.path("error").asText()).startsWith("instance lost");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (runsSince(dead) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        JsonNode recovered = admin.get(integration + "/runs?size=1").json().get(0);
        assertThat(recovered.path("id").asLong()).isGreaterThan(dead);
        assertThat(awaitRun(recovered.path("id").asLong()).path("status").asText()).isEqualTo("SUCCEEDED");
    }

    private long tasks() {
        return admin.get(account + "/tasks?status=all&size=1&integrationId=" + integrationId).get("total").asLong();
    }

    private long runsSince(long runId) {
        return db.queryForObject("select count(*) from sync_run where integration_id = ? and id >= ?", Long.class,
                integrationId, runId);
    }

    private JsonNode awaitRun(long runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode run = admin.get(account + "/runs/" + runId).json();
        while ("RUNNING".equals(run.path("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            run = admin.get(account + "/runs/" + runId).json();
        }
        return run;
    }

    private void awaitNoRunningRun() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (db.queryForObject("select count(*) from sync_run where integration_id = ? and status = 'RUNNING'",
                Long.class, integrationId) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
