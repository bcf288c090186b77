package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
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
 * Faults injected into a real hub: leases belong to runs and live as long as their run (a run that waits longer than
 * the lease keeps it, a run that lost it writes nothing more, a run whose instance died is ended and its integration
 * synced again at once), and a stampede of forced syncs starts one run while a full queue answers 503. The lease is
 * 2 s here, one worker runs forced syncs with room for one more, and the token endpoint is made slow where a run must
 * wait.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"hub.sync.lease=PT2S", "hub.sync.recovery-check=PT1S", "hub.sync.workers=1",
        "hub.sync.forced-queue=1", "hub.http.read-timeout-ms=1000"})
class FaultsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate db;

    XeroSimulator xero;
    HubClient operator;
    HubClient admin;
    String account;
    String integration;
    long integrationId;

    @BeforeAll
    void setUp() {
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(20));
        // shorter than the hub's refresh margin: every sync refreshes its token, and so waits for the endpoint
        xero.setAccessTokenLifetime(Duration.ofSeconds(60));
        operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Leases")).get("id").asText();
        integration = enableXero(account);
        integrationId = Long.parseLong(integration.substring(integration.lastIndexOf('/') + 1));
        admin.syncAndWait(integration, "");
    }

    /** An account's administrator (the one {@link #admin} is) and its Xero integration's path. */
    private String enableXero(String accountPath) {
        String email = "admin-" + accountPath.substring(accountPath.lastIndexOf('/') + 1) + "@leases.test";
        operator.post(accountPath + "/users", Map.of("email", email, "role", "ADMINISTRATOR",
                "password", "admin-password"));
        admin = HubClient.at(port).as(email, "admin-password");
        HubClient.Answer enabled = admin.post(accountPath + "/integrations", Map.of("provider", "xero",
                "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", xero.issueRefreshToken()),
                "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                "settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                        "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT)));
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(201);
        return accountPath + "/integrations/" + enabled.get("id").asLong();
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

    @Test
    void aStampedeOfForcedSyncsStartsOneRun() throws Exception {
        xero.setTokenLatency(Duration.ofSeconds(2));
        ExecutorService clients = Executors.newFixedThreadPool(30);
        try {
            List<Future<HubClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answers.add(clients.submit(() -> admin.post(integration + "/sync", null)));
            }
            Set<Long> runIds = new HashSet<>();
            for (Future<HubClient.Answer> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(202);
                runIds.add(answer.get().get("runId").asLong());
            }
            assertThat(runIds).hasSize(1);
            assertThat(awaitRun(runIds.iterator().next()).path("status").asText()).isEqualTo("SUCCEEDED");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void forcedSyncsBeyondTheQueueAre503WithRetryAfter() throws InterruptedException {
        String second = enableXero("/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Queued"))
                .get("id").asText());
        HubClient secondAdmin = admin;
        String third = enableXero("/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Refused"))
                .get("id").asText());
        HubClient thirdAdmin = admin;
        admin = HubClient.at(port).as("admin-" + account.substring(account.lastIndexOf('/') + 1) + "@leases.test",
                "admin-password");
        Thread.sleep(1000); // the new integrations' first syncs
        awaitNoRunningRun();
        xero.setTokenLatency(Duration.ofSeconds(3));
        long running = admin.post(integration + "/sync", null).get("runId").asLong();
        Thread.sleep(300);
        assertThat(secondAdmin.post(second + "/sync", null).status()).isEqualTo(202);
        HubClient.Answer refused = thirdAdmin.post(third + "/sync", null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(awaitRun(running).path("status").asText()).isEqualTo("SUCCEEDED");
        xero.setTokenLatency(Duration.ZERO);
        Thread.sleep(500);
        assertThat(thirdAdmin.post(third + "/sync?wait=true", null).status()).isEqualTo(200);
    }

    @Test
    void aProviderThatHangsFailsTheRunWithinItsTimeouts() throws InterruptedException {
        WireMockServer hanging = new WireMockServer(options().dynamicPort());
        hanging.start();
        try {
            hanging.stubFor(get(urlPathEqualTo("/v3.1/Users/Me")).willReturn(okJson("{\"USER_ID\": 1}")));
            hanging.stubFor(get(urlPathMatching("/v3.1/Users")).willReturn(okJson("[]").withFixedDelay(10_000)));
            String accountPath = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Hanging"))
                    .get("id").asText();
            operator.post(accountPath + "/users", Map.of("email", "admin@hanging.test", "role", "ADMINISTRATOR",
                    "password", "admin-password"));
            HubClient hangingAdmin = HubClient.at(port).as("admin@hanging.test", "admin-password");
            HubClient.Answer enabled = hangingAdmin.post(accountPath + "/integrations", Map.of("provider", "insightly",
                    "credentials", Map.of("apiKey", "hanging-key", "pod", "na1"),
                    "endpoint", Map.of("baseUrl", hanging.baseUrl() + "/v3.1"), "selectedTypes", List.of("tasks")));
            assertThat(enabled.status()).as(enabled.text()).isEqualTo(201);
            long started = System.nanoTime();
            JsonNode run = hangingAdmin.post(accountPath + "/integrations/" + enabled.get("id").asText()
                    + "/sync?wait=true", null).json();
            if (run.path("status").asText().isEmpty()) {
                run = hangingAdmin.get(accountPath + "/runs/" + run.path("runId").asText()).json();
            }
            long deadline = started + Duration.ofSeconds(20).toNanos();
            while ("RUNNING".equals(run.path("status").asText()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                run = hangingAdmin.get(accountPath + "/runs/" + run.path("id").asText()).json();
            }
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("FAILED");
            assertThat(run.path("error").asText()).containsIgnoringCase("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        } finally {
            hanging.stop();
        }
    }

    @Test
    void aRotatedRefreshTokenSurvivesADatabaseFailingAtItsCommit() throws InterruptedException {
        // the database refuses to store credentials while the flag is up: a real fault at the worst moment,
        // after Xero rotated the refresh token and before the hub stored the new one
        db.execute("create table if not exists injected_fault (flag int)");
        db.execute("""
                create or replace function refuse_credentials() returns trigger language plpgsql as $$
                begin
                  if exists (select 1 from injected_fault) then raise exception 'injected database fault'; end if;
                  return new;
                end $$""");
        db.execute("drop trigger if exists refuse_credentials on integration");
        db.execute("create trigger refuse_credentials before update of credentials on integration "
                + "for each row execute function refuse_credentials()");
        try {
            db.update("insert into injected_fault values (1)");
            JsonNode failed = awaitRun(admin.post(integration + "/sync", null).get("runId").asLong());
            assertThat(failed.path("status").asText()).isEqualTo("FAILED");
            assertThat(failed.path("error").asText()).contains("injected database fault");
            db.update("delete from injected_fault");

            JsonNode next = admin.syncAndWait(integration, "");
            assertThat(next.path("status").asText()).as(next.toString()).isEqualTo("SUCCEEDED");
            assertThat(admin.get(integration).get("status").asText()).isEqualTo("ACTIVE");
        } finally {
            db.execute("drop trigger if exists refuse_credentials on integration");
            db.update("delete from injected_fault");
        }
    }

    private long tasks() {
        return admin.get(account + "/tasks?status=all&size=1&integrationId=" + integrationId).get("total").asLong();
    }

    private long runsSince(long runId) {
        return db.queryForObject("select count(*) from sync_run where integration_id = ? and id >= ?", Long.class,
                integrationId, runId);
    }

    private JsonNode awaitRun(long runId) {
        return Poll.until(() -> admin.get(account + "/runs/" + runId).json(),
                run -> !"RUNNING".equals(run.path("status").asText()), Duration.ofSeconds(30));
    }

    private void awaitNoRunningRun() {
        Poll.until(() -> db.queryForObject("select count(*) from sync_run where status = 'RUNNING'", Long.class),
                running -> running == 0, Duration.ofSeconds(30));
    }
}
