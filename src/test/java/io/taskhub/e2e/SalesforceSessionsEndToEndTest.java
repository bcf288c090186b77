package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Four orgs, two kept sessions: a slow login URL of one org delays no other org, and runs of more orgs than the
 * bound all finish, since no component is stopped under a run. Org 0 logs in at the slow simulator.
 */
@HubTest
@TestPropertySource(properties = "hub.salesforce.kept-sessions=2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforceSessionsEndToEndTest {

    private static final Duration SLOW_LOGIN = Duration.ofSeconds(4);

    @LocalServerPort
    int port;

    SalesforceSimulator slow;
    SalesforceSimulator fast;
    final List<HubClient> admins = new ArrayList<>();
    final List<String> integrations = new ArrayList<>();
    final ExecutorService clients = Executors.newFixedThreadPool(4);

    @BeforeAll
    void setUp() {
        slow = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(50).withCases(20));
        fast = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(2500).withCases(20));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        for (int i = 0; i < 4; i++) {
            long account = operator.post("/api/accounts", Map.of("name", "Org " + i)).get("id").asLong();
            String email = "admin@org" + i + ".sessions.test";
            assertThat(operator.post("/api/accounts/" + account + "/users", Map.of("email", email, "name", "Admin",
                    "role", "ADMINISTRATOR", "password", "admin-password")).status()).isEqualTo(201);
            HubClient admin = HubClient.at(port).as(email, "admin-password");
            HubClient.Answer created = admin.post("/api/accounts/" + account + "/integrations",
                    enable(i == 0 ? slow : fast));
            assertThat(created.status()).isEqualTo(201);
            admins.add(admin);
            integrations.add("/api/accounts/" + account + "/integrations/" + created.get("id").asText());
        }
        slow.delayTokens(SLOW_LOGIN);
    }

    @AfterAll
    void tearDown() {
        clients.shutdownNow();
        slow.close();
        fast.close();
    }

    @Test
    @Order(1)
    void aSlowLoginDelaysNoOtherOrg() throws InterruptedException {
        long start = System.nanoTime();
        CompletableFuture<JsonNode> slowRun = sync(0);
        while (slow.tokenRequestCount() == 0) {
            Thread.sleep(10);
        }
        long fastStart = System.nanoTime();
        assertThat(sync(1).join().path("status").asText()).isEqualTo("SUCCEEDED");
        Duration fastRun = Duration.ofNanos(System.nanoTime() - fastStart);
        assertThat(slowRun.join().path("status").asText()).isEqualTo("SUCCEEDED");
        Duration slowRunTook = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("slow org's run %d ms, other org's run during its login %d ms%n", slowRunTook.toMillis(),
                fastRun.toMillis());
        assertThat(slowRunTook).isGreaterThanOrEqualTo(SLOW_LOGIN);
        assertThat(fastRun).isLessThan(SLOW_LOGIN.minusSeconds(1));
    }

    @Test
    @Order(2)
    void moreOrgsThanKeptSessionsSyncAtOnceAndAllSucceed() {
        slow.delayTokens(Duration.ofSeconds(1));
        slow.expireSessions(); // its run logs in again, slowly, while the others run
        List<CompletableFuture<JsonNode>> runs = List.of(sync(0), sync(1), sync(2), sync(3));
        for (CompletableFuture<JsonNode> run : runs) {
            assertThat(run.join().path("status").asText()).isEqualTo("SUCCEEDED");
        }
        assertThat(fast.tokenRequestCount()).isGreaterThanOrEqualTo(4); // three enables, and orgs 2 and 3 logged in
    }

    private CompletableFuture<JsonNode> sync(int org) {
        return CompletableFuture.supplyAsync(() -> admins.get(org).syncAndWait(integrations.get(org), "&full=true"),
                clients);
    }

    private static Map<String, Object> enable(SalesforceSimulator salesforce) {
        return Map.of("provider", "salesforce",
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()));
    }
}
