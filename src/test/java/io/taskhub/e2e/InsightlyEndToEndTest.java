package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
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
 * Insightly through the REST API alone, against the Insightly simulator and the real embedded PostgreSQL: enable,
 * sync, the tree with its nesting and rules, assignment by email, clients, throttling, incremental syncs, deletions
 * found by a full reconciliation. The steps build on each other, in order.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsightlyEndToEndTest {

    private static final Map<InsightlyType, Integer> COUNTS = Map.of(InsightlyType.ORGANISATIONS, 150,
            InsightlyType.CONTACTS, 620, // more than one 500-record page
            InsightlyType.PROJECTS, 120, InsightlyType.OPPORTUNITIES, 150, InsightlyType.LEADS, 120,
            InsightlyType.TASKS, 400);
    private static final String IRIS = "iris@globex-insightly.test";
    private static final String IVAN = "ivan@globex-insightly.test";

    @LocalServerPort
    int port;

    InsightlySimulator insightly;
    HubClient admin;
    HubClient regular;
    String accountPath;
    String integration;

    @BeforeAll
    void setUp() {
        InsightlySimulator.Options options = InsightlySimulator.Options.defaults()
                // Insightly spells Iris's email differently from the hub: matching ignores case
                .withUsers(List.of("Iris@Globex-Insightly.TEST", IVAN, "olga@elsewhere.test"));
        for (Map.Entry<InsightlyType, Integer> count : COUNTS.entrySet()) {
            options = options.withCount(count.getKey(), count.getValue());
        }
        insightly = InsightlySimulator.start(options);
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Globex")).get("id").asLong();
        accountPath = "/api/accounts/" + account;
        assertThat(operator.post(accountPath + "/users", Map.of("email", IRIS, "name", "Iris",
                "role", "ADMINISTRATOR", "password", "iris-password")).status()).isEqualTo(201);
        assertThat(operator.post(accountPath + "/users", Map.of("email", IVAN, "name", "Ivan",
                "role", "REGULAR", "password", "ivan-password")).status()).isEqualTo(201);
        admin = HubClient.at(port).as(IRIS, "iris-password");
        regular = HubClient.at(port).as(IVAN, "ivan-password");
    }

    @AfterAll
    void tearDown() {
        insightly.close();
    }

    @Test
    @Order(1)
    void enablingChecksTheApiKeyWithInsightly() {
        HubClient.Answer refused = admin.post(accountPath + "/integrations", enable("not-the-key"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.get("detail").asText()).contains("Insightly refused the API key")
                .doesNotContain("Authorization has been denied"); // the hub's words, not the answering server's

        HubClient.Answer noPod = admin.post(accountPath + "/integrations", Map.of("provider", "insightly",
                "credentials", Map.of("apiKey", InsightlySimulator.DEFAULT_API_KEY)));
        assertThat(noPod.status()).isEqualTo(400);
        assertThat(noPod.get("field").asText()).isEqualTo("credentials.pod");

        HubClient.Answer created = admin.post(accountPath + "/integrations", enable(InsightlySimulator.DEFAULT_API_KEY));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.get("selectedTypes")).hasSize(6);
        assertThat(created.text()).doesNotContain(InsightlySimulator.DEFAULT_API_KEY);
        integration = accountPath + "/integrations/" + created.get("id").asText();
    }

    @Test
    @Order(2)
    void aForcedSyncImportsTheTreeWithItsRules() {
        JsonNode run = syncAndWait("");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        // Insightly's X-RateLimit-* headers, as the sync's last answer had them
        JsonNode limits = admin.get(integration).get("providerLimits");
        assertThat(limits.path("values").path("dailyLimit").asLong()).isEqualTo(100_000);
        assertThat(limits.path("values").path("dailyRemaining").asLong()).isBetween(1L, 99_999L);
        assertThat(limits.path("seenAt").asText()).isNotEmpty();

        JsonNode root = tasks("type=root").path("items").get(0);
        assertThat(root.path("name").asText()).isEqualTo("Insightly");
        assertThat(assignees(root)).containsExactly(IRIS + ":ADMINISTRATOR");
        Map<String, Long> lists = new HashMap<>();
        tasks("type=list").path("items").forEach(list -> lists.put(list.path("name").asText(), list.path("id").asLong()));
        assertThat(lists).containsOnlyKeys("Organisations", "Contacts", "Projects", "Opportunities", "Leads", "Tasks");

        Map<InsightlyType, List<JsonNode>> imported = new HashMap<>();
        for (InsightlyType type : InsightlyType.values()) {
            List<JsonNode> all = all(type);
            assertThat(all).as(type.name()).hasSize(COUNTS.get(type));
            imported.put(type, all);
        }
        Map<String, Long> projects = ids(imported.get(InsightlyType.PROJECTS));
        Map<String, Long> opportunities = ids(imported.get(InsightlyType.OPPORTUNITIES));
        for (InsightlyType type : InsightlyType.values()) {
            for (JsonNode task : imported.get(type)) {
                Map<String, Object> record = insightly.record(Long.parseLong(task.path("externalId").asText()));
                assertThat(task.path("archivedReason").asText(null)).as(record.toString())
                        .isEqualTo(archived(type, record) ? "COMPLETED" : null);
                assertThat(emails(task)).as(record.toString()).isEqualTo(expectedAssignees(record));
                Long parent = type != InsightlyType.TASKS ? lists.get(type.resource())
                        : record.get("PROJECT_ID") != null ? projects.get(record.get("PROJECT_ID").toString())
                        : record.get("OPPORTUNITY_ID") != null
                                ? opportunities.get(record.get("OPPORTUNITY_ID").toString())
                                : lists.get("Tasks");
                assertThat(task.path("parentId").asLong()).as(record.toString()).isEqualTo(parent);
            }
        }
        assertThat(imported.get(InsightlyType.TASKS)).as("some tasks nest under projects, some under opportunities")
                .anyMatch(t -> projects.containsValue(t.path("parentId").asLong()))
                .anyMatch(t -> opportunities.containsValue(t.path("parentId").asLong()));

        JsonNode clients = admin.get(accountPath + "/clients").json();
        assertThat(clients).hasSize(COUNTS.get(InsightlyType.CONTACTS) + COUNTS.get(InsightlyType.ORGANISATIONS));
        long contactId = insightly.id(InsightlyType.CONTACTS, 7);
        JsonNode contact = client(contactId);
        Map<String, Object> record = insightly.record(contactId);
        assertThat(contact.path("name").asText()).isEqualTo(record.get("FIRST_NAME") + " " + record.get("LAST_NAME"));
        assertThat(contact.path("email").asText()).isEqualTo(record.get("EMAIL_ADDRESS"));
        assertThat(contact.path("archived").asBoolean()).isFalse();
        long organisationId = insightly.id(InsightlyType.ORGANISATIONS, 3);
        assertThat(client(organisationId).path("name").asText())
                .isEqualTo(insightly.record(organisationId).get("ORGANISATION_NAME"));
    }

    @Test
    @Order(3)
    void throttlingMidSyncLosesNothing() {
        long contact = insightly.id(InsightlyType.CONTACTS, 11);
        long task = openTask();
        insightly.update(contact, Map.of("LAST_NAME", "Throttled"));
        insightly.update(task, Map.of("STATUS", "COMPLETED"));
        insightly.resetCounters();
        insightly.throttleNextRequests(3, 1);

        JsonNode run = syncAndWait("");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(insightly.throttledCount()).isEqualTo(3);
        assertThat(run.path("counts").path("fetched").asInt()).isEqualTo(2);
        assertThat(task(contact).path("name").asText()).endsWith(" Throttled");
        assertThat(task(task).path("archivedReason").asText()).isEqualTo("COMPLETED");
    }

    @Test
    @Order(4)
    void anIncrementalSyncFetchesOnlyWhatChanged() {
        long reopened = opportunity("WON");
        long completed = project("IN PROGRESS");
        long converted = insightly.id(InsightlyType.LEADS, IntStream.range(0, COUNTS.get(InsightlyType.LEADS))
                .filter(i -> !(Boolean) insightly.record(insightly.id(InsightlyType.LEADS, i)).get("CONVERTED"))
                .findFirst().orElseThrow());
        long renamed = insightly.id(InsightlyType.ORGANISATIONS, 5);
        insightly.update(reopened, Map.of("OPPORTUNITY_STATE", "OPEN"));
        insightly.update(completed, Map.of("STATUS", "COMPLETED"));
        insightly.update(converted, Map.of("CONVERTED", true));
        insightly.update(renamed, Map.of("ORGANISATION_NAME", "Globex Renamed"));
        long project = project("NOT STARTED");
        Map<String, Object> fields = new HashMap<>(Map.of("TITLE", "Brand new task", "STATUS", "NOT STARTED",
                "PROJECT_ID", project));
        fields.put("OPPORTUNITY_ID", null);
        long created = insightly.create(InsightlyType.TASKS, fields);
        insightly.resetCounters();

        JsonNode counts = syncAndWait("").path("counts");
        assertThat(counts.path("fetched").asInt()).isEqualTo(5);
        assertThat(counts.path("created").asInt()).isEqualTo(1);
        assertThat(counts.path("updated").asInt()).isEqualTo(1);
        assertThat(counts.path("archived").asInt()).isEqualTo(2);
        assertThat(counts.path("restored").asInt()).isEqualTo(1);
        List<String> recordRequests = insightly.requestLog().stream().filter(r -> !r.contains("/Users")).toList();
        assertThat(recordRequests).hasSize(6).allMatch(r -> r.contains("/Search?updated_after_utc="));

        assertThat(task(reopened).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(task(completed).path("archivedReason").asText()).isEqualTo("COMPLETED");
        assertThat(task(converted).path("archivedReason").asText()).isEqualTo("COMPLETED");
        assertThat(client(renamed).path("name").asText()).isEqualTo("Globex Renamed");
        assertThat(task(created).path("parentId").asLong()).isEqualTo(task(project).path("id").asLong());

        assertThat(syncAndWait("").path("counts").path("fetched").asInt()).isZero();
    }

    @Test
    @Order(5)
    void aDeletedContactIsArchivedByAFullReconciliation() {
        long deleted = insightly.id(InsightlyType.CONTACTS, 20);
        insightly.delete(deleted);
        assertThat(syncAndWait("").path("counts").path("archived").asInt()).isZero();
        assertThat(task(deleted).path("status").asText()).isEqualTo("ACTIVE");

        insightly.resetCounters();
        JsonNode full = syncAndWait("&full=true");
        assertThat(full.path("full").asBoolean()).isTrue();
        assertThat(full.path("counts").path("archived").asInt()).isEqualTo(1);
        assertThat(task(deleted).path("archivedReason").asText()).isEqualTo("DELETED");
        assertThat(client(deleted).path("archived").asBoolean()).isTrue();
        assertThat(insightly.requestLog()).filteredOn(r -> r.contains("/Contacts"))
                .allMatch(r -> !r.contains("updated_after_utc"));
    }

    @Test
    @Order(6)
    void aRefusedKeyStopsTheIntegrationUntilReenabledThenReconcilesInFull() {
        insightly.changeApiKey("regenerated-key");
        JsonNode failed = syncAndWait("");
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).contains("Insightly refused the API key");
        assertThat(admin.get(integration).get("status").asText()).isEqualTo("NEEDS_REENABLE");

        assertThat(admin.post(integration + "/reenable", credentials(InsightlySimulator.DEFAULT_API_KEY)).status())
                .isEqualTo(422);
        long before = failed.path("id").asLong();
        HubClient.Answer reenabled = admin.post(integration + "/reenable", credentials("regenerated-key"));
        assertThat(reenabled.status()).as(reenabled.text()).isEqualTo(200);
        assertThat(reenabled.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(syncAndWait("").path("status").asText()).isEqualTo("SUCCEEDED");
        List<JsonNode> after = StreamSupport.stream(admin.get(integration + "/runs").json().spliterator(), false)
                .filter(r -> r.path("id").asLong() > before).toList();
        assertThat(after.get(after.size() - 1).path("full").asBoolean()).as("first run after re-enabling").isTrue();
    }

    private boolean archived(InsightlyType type, Map<String, Object> record) {
        return switch (type) {
            case PROJECTS -> Set.of("COMPLETED", "CANCELLED", "ABANDONED").contains(record.get("STATUS"));
            case OPPORTUNITIES -> Set.of("WON", "LOST", "ABANDONED").contains(record.get("OPPORTUNITY_STATE"));
            case LEADS -> (Boolean) record.get("CONVERTED");
            case TASKS -> (Boolean) record.get("COMPLETED");
            default -> false;
        };
    }

    /** The hub users whose Insightly user owns or is responsible for the record. */
    private Set<String> expectedAssignees(Map<String, Object> record) {
        Set<String> expected = new HashSet<>();
        for (String field : List.of("OWNER_USER_ID", "RESPONSIBLE_USER_ID")) {
            Object user = record.get(field);
            String email = user == null ? null : insightly.users().get((Long) user);
            if (email != null && Set.of(IRIS, IVAN).contains(email.toLowerCase(Locale.ROOT))) {
                expected.add(email.toLowerCase(Locale.ROOT));
            }
        }
        return expected;
    }

    private JsonNode syncAndWait(String options) {
        return regular.syncAndWait(integration, options);
    }

    private JsonNode tasks(String query) {
        return admin.tasks(accountPath, query);
    }

    private List<JsonNode> all(InsightlyType type) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = tasks("status=all&size=500&type=" + type.resource().toLowerCase(Locale.ROOT)
                    + "&page=" + page);
            answer.path("items").forEach(all::add);
            if (all.size() >= answer.path("total").asInt()) {
                return all;
            }
        }
    }

    private JsonNode task(long externalId) {
        return admin.task(accountPath, String.valueOf(externalId));
    }

    private JsonNode client(long externalId) {
        for (JsonNode client : admin.get(accountPath + "/clients").json()) {
            if (client.path("externalId").asText().equals(String.valueOf(externalId))) {
                assertThat(client.path("provider").asText()).isEqualTo("insightly");
                return client;
            }
        }
        throw new AssertionError("no client " + externalId);
    }

    private long openTask() {
        return first(InsightlyType.TASKS, r -> !(Boolean) r.get("COMPLETED"));
    }

    private long opportunity(String state) {
        return first(InsightlyType.OPPORTUNITIES, r -> state.equals(r.get("OPPORTUNITY_STATE")));
    }

    private long project(String status) {
        return first(InsightlyType.PROJECTS, r -> status.equals(r.get("STATUS")));
    }

    private long first(InsightlyType type, Predicate<Map<String, Object>> matching) {
        return IntStream.range(0, COUNTS.get(type)).mapToLong(i -> insightly.id(type, i))
                .filter(id -> insightly.record(id) != null && matching.test(insightly.record(id)))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> credentials(String apiKey) {
        return Map.of("credentials", Map.of("apiKey", apiKey, "pod", "na1"));
    }

    private Map<String, Object> enable(String apiKey) {
        return Map.of("provider", "insightly", "credentials", Map.of("apiKey", apiKey, "pod", "na1"),
                "endpoint", Map.of("baseUrl", insightly.baseUrl()));
    }

    private static Map<String, Long> ids(List<JsonNode> tasks) {
        Map<String, Long> ids = new HashMap<>();
        tasks.forEach(task -> ids.put(task.path("externalId").asText(), task.path("id").asLong()));
        return ids;
    }

    private static Set<String> emails(JsonNode task) {
        Set<String> emails = new HashSet<>();
        task.path("assignees").forEach(a -> emails.add(a.path("email").asText()));
        return emails;
    }

    private static List<String> assignees(JsonNode task) {
        List<String> assignees = new ArrayList<>();
        task.path("assignees").forEach(a -> assignees.add(a.path("email").asText() + ":" + a.path("role").asText()));
        return assignees;
    }
}
