package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.ConsoleClient;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What administrators do to an integration after enabling it, through the REST API: timers, removing its owner,
 * re-enabling, manual assignments, unlinking; and what the operator alone may see.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class IntegrationLifecycleEndToEndTest {

    private static final String SECRET = "lifecycle-secret-" + Instant.now().toEpochMilli();
    private static final String REFRESH = "lifecycle-refresh-" + Instant.now().toEpochMilli();

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    HubClient operator;
    int accountCount;

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(60).withCases(20));
        salesforce.registerClient("lifecycle-client", SECRET, REFRESH);
        operator = HubClient.at(port).as("operator", "operator-test-pass");
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
    }

    @Test
    void aNewIntervalReschedulesTheTimerAtOnce() {
        Account acme = account();
        String integration = acme.enable(3600);
        JsonNode before = acme.admin.get(integration + "/timer").json();
        assertThat(before.path("intervalSeconds").asInt()).isEqualTo(3600);

        assertThat(acme.regular.put(integration + "/timer", Map.of("intervalSeconds", 120)).status()).isEqualTo(403);
        HubClient.Answer tooShort = acme.admin.put(integration + "/timer", Map.of("intervalSeconds", 59));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.get("field").asText()).isEqualTo("intervalSeconds");
        HubClient.Answer notANumber = acme.admin.put(integration + "/timer", "{\"intervalSeconds\":\"soon\"}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.get("field").asText()).isEqualTo("intervalSeconds");

        JsonNode after = acme.admin.put(integration + "/timer", Map.of("intervalSeconds", 120)).json();
        assertThat(after.path("intervalSeconds").asInt()).isEqualTo(120);
        Instant next = Instant.parse(after.path("nextFireAt").asText());
        assertThat(next).isBefore(Instant.now().plus(Duration.ofSeconds(121)));
        JsonNode timers = acme.regular.get(acme.path + "/timers").json();
        assertThat(timers.get(0).path("nextFireAt").asText()).isEqualTo(after.path("nextFireAt").asText());
        assertThat(acme.admin.get(integration).get("nextSyncAt").asText()).isEqualTo(after.path("nextFireAt").asText());
    }

    @Test
    void removingTheOwnerStopsTheIntegrationUntilItIsReenabled() {
        Account acme = account();
        String integration = acme.enable(3600);
        acme.sync(integration);
        acme.operatorAdds("carl", "ADMINISTRATOR");
        HubClient carl = acme.login("carl");

        assertThat(acme.admin.get(integration).status()).isEqualTo(200);
        assertThat(carl.delete(acme.path + "/users/" + acme.email("ann")).status()).isEqualTo(204);
        assertThat(acme.admin.get(integration).status()).as("a removed user's login stops at once").isEqualTo(401);
        JsonNode stopped = carl.get(integration).json();
        assertThat(stopped.path("status").asText()).isEqualTo("NEEDS_REENABLE");
        assertThat(stopped.path("nextSyncAt").isNull()).isTrue();
        assertThat(carl.post(integration + "/sync", null).status()).isEqualTo(409);

        assertThat(carl.post(integration + "/reenable", Map.of("credentials", Map.of("clientId", "lifecycle-client",
                "clientSecret", SECRET, "refreshToken", "revoked"))).status()).isEqualTo(422);
        JsonNode back = carl.post(integration + "/reenable", Map.of("credentials", credentials())).json();
        assertThat(back.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(back.path("ownerEmail").asText()).isEqualTo(acme.email("carl"));
        assertThat(carl.post(integration + "/sync?wait=true", null).get("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode root = carl.get(acme.path + "/tasks?type=root").json().path("items").get(0);
        assertThat(root.toString()).doesNotContain(acme.email("ann")).contains(acme.email("carl"));
    }

    @Test
    void manualAssignmentsSurviveSyncsAndMakeTheSubtreeTrackable() {
        Account acme = account();
        String integration = acme.enable(3600);
        acme.sync(integration);
        JsonNode list = acme.tasks("type=list&q=Cases").path("items").get(0);
        acme.operatorAdds("dora", "REGULAR");
        String assignees = acme.path + "/tasks/" + list.path("id").asText() + "/assignees";

        assertThat(acme.regular.post(assignees, Map.of("email", acme.email("dora"))).status()).isEqualTo(403);
        assertThat(acme.admin.post(assignees, Map.of("email", "nobody@acme.test")).get("field").asText())
                .isEqualTo("email");
        HubClient.Answer assigned = acme.admin.post(assignees, Map.of("email", acme.email("dora"), "role", "REGULAR"));
        assertThat(assigned.status()).isEqualTo(201);
        assertThat(assigned.text()).contains("\"source\":\"MANUAL\"");

        salesforce.update(salesforce.caseId(3), Map.of("Subject", "Touched to force a change"));
        acme.sync(integration);
        assertThat(acme.admin.get(acme.path + "/tasks/" + list.path("id").asText()).text())
                .contains(acme.email("dora"));

        // Salesforce assigns every user of the account to the root: dora may track the whole active tree
        HubClient dora = acme.login("dora");
        JsonNode trackable = dora.get(acme.path + "/users/" + acme.email("dora") + "/trackable-tasks").json();
        assertThat(trackable.size()).isEqualTo(acme.tasks("status=active&size=1").path("total").asInt());
        assertThat(trackable.toString()).contains("\"id\":" + list.path("id").asText() + ",");

        assertThat(acme.admin.delete(assignees + "/" + acme.email("dora")).status()).isEqualTo(204);
        assertThat(acme.admin.delete(assignees + "/" + acme.email("dora")).status()).isEqualTo(404);
        assertThat(acme.admin.get(acme.path + "/tasks/" + list.path("id").asText()).text())
                .doesNotContain(acme.email("dora"));
    }

    @Test
    void unlinkingArchivesTheTreeAndForgetsTheCredentials() {
        Account acme = account();
        String integration = acme.enable(3600);
        acme.sync(integration);
        assertThat(acme.regular.delete(integration).status()).isEqualTo(403);
        assertThat(acme.admin.delete(integration).status()).isEqualTo(204);
        assertThat(acme.admin.get(integration).get("status").asText()).isEqualTo("UNLINKED");
        assertThat(acme.tasks("status=active").path("total").asInt()).isZero();
        List<String> reasons = new ArrayList<>();
        acme.tasks("status=archived&size=500").path("items").forEach(t -> reasons.add(t.path("archivedReason").asText()));
        assertThat(reasons).isNotEmpty().containsOnly("UNLINKED");
        assertThat(acme.admin.post(integration + "/sync", null).status()).isEqualTo(409);
        assertThat(acme.admin.get(integration).get("statusReason").asText())
                .isEqualTo("unlinked; the grant was revoked at Salesforce");
        // the unlink revoked the refresh token: the user grants the app access again
        salesforce.registerClient("lifecycle-client", SECRET, REFRESH);
        assertThat(acme.admin.post(acme.path + "/integrations", acme.enableBody(3600)).status())
                .as("a new one may be enabled after unlinking").isEqualTo(201);
    }

    @Test
    void anAdministratorCannotRemoveTheLastAdministratorButTheOperatorCan() {
        Account acme = account();
        String ann = acme.path + "/users/" + acme.email("ann");
        HubClient.Answer refused = acme.admin.delete(ann);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.get("detail").asText()).contains("at least one administrator");
        assertThat(acme.admin.get(acme.path + "/users").text()).contains(acme.email("ann"));

        acme.operatorAdds("carl", "ADMINISTRATOR");
        HubClient.Answer removed = acme.login("carl").delete(ann);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.header("Content-Type")).as("a 204 has no body to type").isNull();
        String carl = acme.path + "/users/" + acme.email("carl");
        assertThat(acme.login("carl").delete(carl).status()).isEqualTo(409);
        assertThat(operator.delete(carl).status()).as("the operator manages every account").isEqualTo(204);
    }

    /** Two administrators removing each other at once: one goes, the other stays, whoever comes first. */
    @Test
    void twoAdministratorsRemovingEachOtherAtOnceLeaveOne() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                Account acme = account();
                acme.operatorAdds("carl", "ADMINISTRATOR");
                HubClient ann = acme.login("ann");
                HubClient carl = acme.login("carl");
                assertThat(ann.get(acme.path + "/users").status()).isEqualTo(200);   // both logins checked first
                assertThat(carl.get(acme.path + "/users").status()).isEqualTo(200);
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> annRemovesCarl = both.submit(() -> {
                    start.await();
                    return ann.delete(acme.path + "/users/" + acme.email("carl")).status();
                });
                Future<Integer> carlRemovesAnn = both.submit(() -> {
                    start.await();
                    return carl.delete(acme.path + "/users/" + acme.email("ann")).status();
                });
                start.countDown();
                List<Integer> answers = List.of(annRemovesCarl.get(30, TimeUnit.SECONDS),
                        carlRemovesAnn.get(30, TimeUnit.SECONDS));
                // the later one is refused: 409, or 401 when its caller was removed before its login was checked
                assertThat(answers).as("round " + round).containsOnlyOnce(204).containsAnyOf(409, 401);
                assertThat(operator.get(acme.path + "/users").json()).as("round " + round)
                        .filteredOn(user -> user.path("role").asText().equals("ADMINISTRATOR")).hasSize(1);
            }
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void onlyTheOperatorSeesAccountsHawtioAndJolokia(CapturedOutput output) {
        Account acme = account();
        String integration = acme.enable(3600);
        acme.sync(integration);
        HubClient anonymous = HubClient.at(port);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        for (String path : List.of("/actuator/hawtio/", "/actuator/jolokia/version", "/api/accounts")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            assertThat(acme.admin.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(operator.post("/actuator/jolokia", Map.of("type", "version")).status())
                .as("a console write without the console's CSRF token").isEqualTo(403);
        assertThat(ConsoleClient.as(port, "operator", "operator-test-pass").post(Map.of("type", "read",
                "mbean", "org.apache.camel:context=taskhub,type=routes,name=\"salesforce-tasks-fetch\"",
                "attribute", "RouteId")).text()).contains("salesforce-tasks-fetch");
        assertThat(anonymous.as(acme.email("ann"), "wrong").get(acme.path + "/tasks").status()).isEqualTo(401);

        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(REFRESH);
        assertThat(acme.admin.get(integration).text()).doesNotContain(SECRET).doesNotContain(REFRESH);
    }

    private Map<String, String> credentials() {
        return Map.of("clientId", "lifecycle-client", "clientSecret", SECRET, "refreshToken", REFRESH);
    }

    /** A fresh account with an administrator (ann) and a regular user (bob). */
    private Account account() {
        long id = operator.post("/api/accounts", Map.of("name", "Acme " + ++accountCount)).get("id").asLong();
        Account account = new Account(id);
        account.operatorAdds("ann", "ADMINISTRATOR");
        account.operatorAdds("bob", "REGULAR");
        return account;
    }

    /** Users are unique across the hub: each account's users have emails of its own domain. */
    private final class Account {
        final long id;
        final String path;
        final HubClient admin;
        final HubClient regular;

        Account(long id) {
            this.id = id;
            this.path = "/api/accounts/" + id;
            this.admin = login("ann");
            this.regular = login("bob");
        }

        String email(String name) {
            return name + "@acme" + id + ".test";
        }

        HubClient login(String name) {
            return HubClient.at(port).as(email(name), "password-" + name);
        }

        void operatorAdds(String name, String role) {
            HubClient.Answer added = operator.post(path + "/users", Map.of("email", email(name), "role", role,
                    "password", "password-" + name));
            assertThat(added.status()).as(added.text()).isEqualTo(201);
        }

        Map<String, Object> enableBody(int interval) {
            return Map.of("provider", "salesforce", "intervalSeconds", interval, "credentials", credentials(),
                    "endpoint", Map.of("loginUrl", salesforce.baseUrl()));
        }

        String enable(int interval) {
            HubClient.Answer created = admin.post(path + "/integrations", enableBody(interval));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            return path + "/integrations/" + created.get("id").asText();
        }

        void sync(String integration) {
            HubClient.Answer run = regular.post(integration + "/sync?wait=true", null);
            assertThat(run.status()).as(run.text()).isEqualTo(200);
        }

        JsonNode tasks(String query) {
            return admin.get(path + "/tasks?" + query).json();
        }
    }
}
