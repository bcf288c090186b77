package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

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

/**
 * Salesforce through the REST API alone, against the Salesforce simulator and the real embedded PostgreSQL: enable,
 * sync, the tree and its rules, incremental syncs, deselection, deletions, a malformed record, a lost session.
 * The steps build on each other, in order.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforceEndToEndTest {

    private static final int OPPORTUNITIES = 2300; // more than one 2000-record page
    private static final int CASES = 150;
    private static final Set<String> ARCHIVED_STAGES = Set.of("Closed Won", "Closed Lost");

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    HubClient operator;
    HubClient admin;
    HubClient regular;
    String integration;

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withOpportunities(OPPORTUNITIES).withCases(CASES));
        operator = HubClient.at(port).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Acme")).get("id").asLong();
        assertThat(operator.post(users(account), Map.of("email", "ann@salesforce-e2e.test", "name", "Ann",
                "role", "ADMINISTRATOR", "password", "ann-password")).status()).isEqualTo(201);
        assertThat(operator.post(users(account), Map.of("email", "bob@salesforce-e2e.test", "name", "Bob",
                "role", "REGULAR", "password", "bob-password")).status()).isEqualTo(201);
        admin = HubClient.at(port).as("ann@salesforce-e2e.test", "ann-password");
        regular = HubClient.at(port).as("bob@salesforce-e2e.test", "bob-password");
        accountPath = "/api/accounts/" + account;
    }

    String accountPath;

    @AfterAll
    void tearDown() {
        salesforce.close();
    }

    @Test
    @Order(1)
    void enablingChecksTheCredentialsWithSalesforce() {
        HubClient.Answer refused = admin.post(accountPath + "/integrations", enable("wrong-refresh-token"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.get("detail").asText()).contains("Salesforce refused the login")
                .doesNotContain("expired access/refresh token"); // the hub's words, not the answering server's

        HubClient.Answer missing = admin.post(accountPath + "/integrations", Map.of("provider", "salesforce",
                "credentials", Map.of("clientId", "x", "clientSecret", "y")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.get("field").asText()).isEqualTo("credentials.refreshToken");

        assertThat(regular.post(accountPath + "/integrations", enable(SalesforceSimulator.DEFAULT_REFRESH_TOKEN))
                .status()).isEqualTo(403);

        HubClient.Answer created = admin.post(accountPath + "/integrations",
                enable(SalesforceSimulator.DEFAULT_REFRESH_TOKEN));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.get("ownerEmail").asText()).isEqualTo("ann@salesforce-e2e.test");
        assertThat(created.text()).doesNotContain(SalesforceSimulator.DEFAULT_CLIENT_SECRET)
                .doesNotContain(SalesforceSimulator.DEFAULT_REFRESH_TOKEN);
        integration = accountPath + "/integrations/" + created.get("id").asText();

        assertThat(admin.post(accountPath + "/integrations", enable(SalesforceSimulator.DEFAULT_REFRESH_TOKEN))
                .status()).isEqualTo(409);
    }

    @Test
    @Order(2)
    void aForcedSyncImportsTheTreeWithItsRules() {
        JsonNode run = syncAndWait("");
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        // the org's daily API budget, as each answer's Sforce-Limit-Info told it
        JsonNode limits = admin.get(integration).get("providerLimits").path("values");
        assertThat(limits.path("dailyLimit").asLong()).isPositive();
        assertThat(limits.path("dailyRemaining").asLong()).isBetween(1L, limits.path("dailyLimit").asLong() - 1);

        JsonNode all = tasks("status=all&size=500&type=opportunities");
        assertThat(all.path("total").asInt()).isEqualTo(OPPORTUNITIES);
        for (JsonNode task : all.path("items")) {
            String stage = (String) salesforce.record(task.path("externalId").asText()).get("StageName");
            boolean archived = ARCHIVED_STAGES.contains(stage);
            assertThat(task.path("status").asText()).as(stage).isEqualTo(archived ? "ARCHIVED" : "ACTIVE");
            assertThat(task.path("archivedReason").isNull()).isEqualTo(!archived);
        }
        JsonNode cases = tasks("status=all&type=cases&size=500");
        assertThat(cases.path("total").asInt()).isEqualTo(CASES);
        for (JsonNode task : cases.path("items")) {
            boolean closed = (Boolean) salesforce.record(task.path("externalId").asText()).get("IsClosed");
            assertThat(task.path("archivedReason").asText(null)).isEqualTo(closed ? "CLOSED" : null);
        }

        JsonNode root = tasks("type=root").path("items").get(0);
        assertThat(root.path("kind").asText()).isEqualTo("PROJECT");
        assertThat(root.path("name").asText()).isEqualTo("Salesforce");
        assertThat(assignees(root)).containsExactlyInAnyOrder("ann@salesforce-e2e.test:ADMINISTRATOR", "bob@salesforce-e2e.test:REGULAR");
        List<String> lists = names(tasks("type=list").path("items"));
        assertThat(lists).containsExactlyInAnyOrder("Opportunities", "Cases");
        JsonNode opportunitiesList = tasks("type=list&q=Opportunities").path("items").get(0);
        assertThat(tasks("status=all&size=1&parentId=" + opportunitiesList.path("id").asText()).path("total").asInt())
                .isEqualTo(OPPORTUNITIES);

        // bob is assigned to the root: every active task below it is his to track
        JsonNode trackable = regular.get(accountPath + "/users/bob@salesforce-e2e.test/trackable-tasks").json();
        assertThat(trackable.size()).isEqualTo(tasks("status=active&size=1").path("total").asInt());
    }

    @Test
    @Order(3)
    void anIncrementalSyncFetchesOnlyWhatChanged() {
        String closing = openOpportunity(0);
        String reopening = archivedOpportunity();
        String deleted = openOpportunity(1);
        String openCase = openCase();
        salesforce.update(closing, Map.of("StageName", "Closed Won"));
        salesforce.update(reopening, Map.of("StageName", "Negotiation/Review"));
        salesforce.delete(deleted);
        salesforce.update(openCase, Map.of("Status", "Closed"));
        String created = salesforce.createOpportunity("Brand new deal", "Prospecting");
        salesforce.resetCounters();

        JsonNode counts = syncAndWait("").path("counts");
        assertThat(counts.path("fetched").asInt()).isEqualTo(5);
        assertThat(counts.path("created").asInt()).isEqualTo(1);
        assertThat(counts.path("archived").asInt()).isEqualTo(3);
        assertThat(counts.path("restored").asInt()).isEqualTo(1);
        assertThat(salesforce.soqlLog()).allMatch(soql -> soql.contains("WHERE SystemModstamp >="));
        assertThat(salesforce.queryRequestCount()).isEqualTo(2); // one query per selected type

        assertThat(task(closing).path("archivedReason").asText()).isEqualTo("CLOSED");
        assertThat(task(reopening).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(task(deleted).path("archivedReason").asText()).isEqualTo("DELETED");
        assertThat(task(openCase).path("archivedReason").asText()).isEqualTo("CLOSED");
        assertThat(task(created).path("status").asText()).isEqualTo("ACTIVE");

        JsonNode nothing = syncAndWait("").path("counts");
        assertThat(nothing.path("fetched").asInt()).isZero();
    }

    @Test
    @Order(4)
    void aDeselectedTypeIsArchivedAndComesBackWhenSelectedAgain() {
        assertThat(regular.put(integration + "/types", Map.of("selectedTypes", List.of("opportunities"))).status())
                .isEqualTo(403);
        HubClient.Answer deselected = admin.put(integration + "/types", Map.of("selectedTypes", List.of("opportunities")));
        assertThat(deselected.status()).isEqualTo(200);
        long openCases = IntStream.range(0, CASES).mapToObj(salesforce::caseId)
                .filter(id -> !(Boolean) salesforce.record(id).get("IsClosed")).count();
        assertThat(tasks("type=cases&status=active").path("total").asInt()).isZero();
        List<String> reasons = new ArrayList<>();
        tasks("type=cases&status=archived&size=500").path("items")
                .forEach(t -> reasons.add(t.path("archivedReason").asText()));
        assertThat(reasons.stream().filter("DESELECTED"::equals).count()).isEqualTo(openCases);
        assertThat(reasons).containsOnly("DESELECTED", "CLOSED");

        assertThat(admin.put(integration + "/types", Map.of("selectedTypes", List.of("cases", "opportunities")))
                .status()).isEqualTo(200);
        JsonNode counts = syncAndWait("").path("counts");
        assertThat(counts.path("restored").asLong()).isEqualTo(openCases);
        assertThat(tasks("type=cases&status=active").path("total").asLong()).isEqualTo(openCases);
        assertThat(names(tasks("type=list").path("items"))).contains("Cases");
    }

    @Test
    @Order(5)
    void aFullReconciliationArchivesWhatWasPurged() {
        String purged = openOpportunity(2);
        salesforce.purge(purged);
        assertThat(syncAndWait("").path("counts").path("archived").asInt()).isZero();
        assertThat(task(purged).path("status").asText()).isEqualTo("ACTIVE");

        JsonNode full = syncAndWait("&full=true");
        assertThat(full.path("full").asBoolean()).isTrue();
        assertThat(full.path("counts").path("archived").asInt()).isEqualTo(1);
        assertThat(task(purged).path("archivedReason").asText()).isEqualTo("DELETED");
    }

    @Test
    @Order(6)
    void aMalformedRecordIsRejectedAndTheRestLands() {
        String broken = openOpportunity(3);
        String fine = openOpportunity(4);
        salesforce.putMalformed(broken, Map.of("Id", broken, "Name", "", "SystemModstamp", "yesterday"));
        salesforce.update(fine, Map.of("Name", "Renamed deal"));

        JsonNode run = syncAndWait("");
        assertThat(run.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(run.path("counts").path("rejected").asInt()).isEqualTo(1);
        assertThat(task(fine).path("name").asText()).isEqualTo("Renamed deal");
    }

    @Test
    @Order(7)
    void anExpiredSessionIsRenewedMidSync() {
        String renamed = openOpportunity(5);
        salesforce.update(renamed, Map.of("Name", "After the session expired"));
        salesforce.expireSessions();
        int logins = salesforce.tokenRequestCount();
        JsonNode run = syncAndWait("");
        assertThat(salesforce.tokenRequestCount()).isGreaterThan(logins);
        assertThat(run.path("status").asText()).isIn("SUCCEEDED", "PARTIAL");
        assertThat(task(renamed).path("name").asText()).isEqualTo("After the session expired");
    }

    @Test
    @Order(8)
    void serverErrorsAreRetriedAndADailyLimitFailsTheRunClearly() {
        String renamed = openOpportunity(6);
        salesforce.update(renamed, Map.of("Name", "Survived two 500s"));
        salesforce.failNextRequests(2, 500, "[{\"message\":\"An unexpected error occurred\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]");
        assertThat(syncAndWait("").path("status").asText()).isIn("SUCCEEDED", "PARTIAL");
        assertThat(task(renamed).path("name").asText()).isEqualTo("Survived two 500s");

        salesforce.rateLimitNextRequests(1);
        JsonNode failed = syncAndWait("");
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).contains("TotalRequests Limit exceeded");
        assertThat(admin.get(integration).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(syncAndWait("").path("status").asText()).isIn("SUCCEEDED", "PARTIAL");
    }

    @Test
    @Order(9)
    void anotherAccountSeesNothingAndTasksAreReadOnly() {
        long other = operator.post("/api/accounts", Map.of("name", "Other")).get("id").asLong();
        operator.post(users(other), Map.of("email", "eve@salesforce-e2e-other.test", "role", "ADMINISTRATOR",
                "password", "eve-password"));
        HubClient eve = HubClient.at(port).as("eve@salesforce-e2e-other.test", "eve-password");
        assertThat(eve.get(integration).status()).isEqualTo(404);
        assertThat(eve.get(accountPath + "/tasks").status()).isEqualTo(404);
        assertThat(eve.post(integration + "/sync", null).status()).isEqualTo(404);

        String anyTask = accountPath + "/tasks/" + tasks("size=1").path("items").get(0).path("id").asText();
        assertThat(admin.send("PUT", anyTask, Map.of("name", "x")).status()).isEqualTo(405);
        assertThat(admin.delete(anyTask).status()).isEqualTo(405);
        assertThat(admin.get(integration + "/runs").text()).doesNotContain(SalesforceSimulator.DEFAULT_CLIENT_SECRET);
    }

    private JsonNode syncAndWait(String options) {
        return regular.syncAndWait(integration, options);
    }

    private JsonNode tasks(String query) {
        return admin.tasks(accountPath, query);
    }

    private JsonNode task(String externalId) {
        return admin.task(accountPath, externalId);
    }

    private String openOpportunity(int nth) {
        return IntStream.range(0, OPPORTUNITIES).mapToObj(salesforce::opportunityId)
                .filter(id -> salesforce.record(id) != null) // purged
                .filter(id -> salesforce.record(id).get("StageName") instanceof String stage // not malformed
                        && !ARCHIVED_STAGES.contains(stage))
                .skip(10L * nth).findFirst().orElseThrow();
    }

    private String archivedOpportunity() {
        return IntStream.range(0, OPPORTUNITIES).mapToObj(salesforce::opportunityId)
                .filter(id -> ARCHIVED_STAGES.contains((String) salesforce.record(id).get("StageName")))
                .findFirst().orElseThrow();
    }

    private String openCase() {
        return IntStream.range(0, CASES).mapToObj(salesforce::caseId)
                .filter(id -> !(Boolean) salesforce.record(id).get("IsClosed")).findFirst().orElseThrow();
    }

    private Map<String, Object> enable(String refreshToken) {
        return Map.of("provider", "salesforce",
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", refreshToken),
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()));
    }

    private static String users(long account) {
        return "/api/accounts/" + account + "/users";
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    private static List<String> assignees(JsonNode task) {
        List<String> assignees = new ArrayList<>();
        task.path("assignees").forEach(a -> assignees.add(a.path("email").asText() + ":" + a.path("role").asText()));
        return assignees;
    }
}
