package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client watching runs through the REST API alone (CONTRACT §3, Runs): a RUNNING run's counts and progress grow
 * page by page, a PARTIAL run's rejected records can be paged through, and the integration's rejected-now list
 * forgets a record once a later sync stores it fine. Against the Insightly simulator; the steps build on each other.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchedRunsEndToEndTest {

    private static final int CONTACTS = 1_600; // four pages of 500
    private static final String ADMIN = "ada@watched-runs.test";

    @LocalServerPort
    int port;

    InsightlySimulator insightly;
    HubClient admin;
    HubClient operator;
    String accountPath;
    String integration;
    long partialRun;

    @BeforeAll
    void setUp() {
        InsightlySimulator.Options options = InsightlySimulator.Options.defaults().withSize(10)
                .withCount(InsightlyType.CONTACTS, CONTACTS);
        insightly = InsightlySimulator.start(options);
        operator = HubClient.at(port).as("operator", "operator-test-pass");
        accountPath = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Watched")).get("id").asLong();
        operator.post(accountPath + "/users", Map.of("email", ADMIN, "name", "Ada", "role", "ADMINISTRATOR",
                "password", "ada-password"));
        admin = HubClient.at(port).as(ADMIN, "ada-password");
    }

    @AfterAll
    void tearDown() {
        insightly.close();
    }

    @Test
    @Order(1)
    void aRunningRunShowsItsCountsAndProgressGrowPageByPage() {
        insightly.delayAnswers(Duration.ofMillis(700));
        HubClient.Answer created = admin.post(accountPath + "/integrations", Map.of("provider", "insightly",
                "credentials", Map.of("apiKey", InsightlySimulator.DEFAULT_API_KEY, "pod", "na1"),
                "endpoint", Map.of("baseUrl", insightly.baseUrl()), "selectedTypes", List.of("contacts")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        integration = accountPath + "/integrations/" + created.get("id").asText();
        // the first sync has started on its own, or starts now: either way this is the run that imports everything
        HubClient.Answer started = admin.post(integration + "/sync", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String run = accountPath + "/runs/" + started.get("runId").asText();

        JsonNode midway = Poll.until(() -> admin.get(run).json(),
                r -> r.path("progress").path("pages").asInt() >= 1, Duration.ofSeconds(20));
        assertThat(midway.path("status").asText()).as(midway.toString()).isEqualTo("RUNNING");
        JsonNode progress = midway.path("progress");
        assertThat(progress.path("type").asText()).isEqualTo("contacts");
        assertThat(progress.path("records").asInt()).isEqualTo(500 * progress.path("pages").asInt());
        assertThat(progress.path("total").isNull()).as("Insightly does not tell the total").isTrue();
        assertThat(midway.path("counts").path("created").asInt()).isBetween(500, CONTACTS - 1);
        assertThat(midway.path("counts").path("fetched").asInt()).isEqualTo(progress.path("records").asInt());

        insightly.delayAnswers(Duration.ZERO);
        JsonNode done = Poll.until(() -> admin.get(run).json(), r -> !r.path("status").asText().equals("RUNNING"),
                Duration.ofSeconds(30));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("counts").path("created").asInt()).isEqualTo(CONTACTS);
        assertThat(done.path("progress").isNull()).as("an ended run has no progress").isTrue();
    }

    @Test
    @Order(2)
    void aPartialRunsRejectedRecordsCanBePagedThrough() {
        long first = unnamed(0);
        long second = unnamed(1);
        JsonNode run = admin.syncAndWait(integration, "");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("PARTIAL");
        partialRun = run.path("id").asLong();

        JsonNode all = ok(admin.get(accountPath + "/runs/" + partialRun + "/rejected"));
        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(all.path("items")).extracting(i -> i.path("externalId").asText())
                .containsExactlyInAnyOrder(String.valueOf(first), String.valueOf(second));
        JsonNode item = all.path("items").get(0);
        assertThat(item.path("type").asText()).isEqualTo("contacts");
        assertThat(item.path("reason").asText()).contains("FIRST_NAME and LAST_NAME are missing");
        assertThat(item.path("payload").asText()).contains(item.path("externalId").asText());

        JsonNode secondPage = ok(admin.get(accountPath + "/runs/" + partialRun + "/rejected?page=1&size=1"));
        assertThat(secondPage.path("total").asInt()).isEqualTo(2);
        assertThat(secondPage.path("items")).hasSize(1);
        assertThat(secondPage.path("items").get(0)).isEqualTo(all.path("items").get(1));
        assertThat(ok(admin.get(integration + "/rejected")).path("total").asInt()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void aRecordFixedByALaterSyncIsNoLongerRejectedNowButStaysOnItsRun() {
        long fixed = insightly.id(InsightlyType.CONTACTS, 0);
        insightly.update(fixed, Map.of("FIRST_NAME", "Fixed"));
        JsonNode run = admin.syncAndWait(integration, "");
        // the incremental sync's overlap re-reads the contact that is still unnamed
        assertThat(run.path("counts").path("rejected").asInt()).as(run.toString()).isEqualTo(1);

        JsonNode now = ok(admin.get(integration + "/rejected"));
        assertThat(now.path("total").asInt()).isEqualTo(1);
        assertThat(now.path("items").get(0).path("externalId").asText())
                .isEqualTo(String.valueOf(insightly.id(InsightlyType.CONTACTS, 1)));
        assertThat(ok(admin.get(accountPath + "/runs/" + partialRun + "/rejected")).path("total").asInt()).isEqualTo(2);
        assertThat(ok(admin.get(accountPath + "/runs/" + run.path("id").asLong() + "/rejected")).path("total").asInt())
                .isEqualTo(1);

        JsonNode full = admin.syncAndWait(integration, "&full=true");
        assertThat(full.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(ok(admin.get(integration + "/rejected")).path("total").asInt())
                .as("rejected again by the full sync: still one record").isEqualTo(1);
    }

    @Test
    @Order(4)
    void anotherAccountAndBadPagesAreRefused() {
        String other = "/api/accounts/"
                + operator.post("/api/accounts", Map.of("name", "Elsewhere")).get("id").asLong();
        operator.post(other + "/users", Map.of("email", "eve@watched-runs.test", "name", "Eve",
                "role", "ADMINISTRATOR", "password", "eve-password"));
        HubClient eve = HubClient.at(port).as("eve@watched-runs.test", "eve-password");
        assertThat(eve.get(accountPath + "/runs/" + partialRun + "/rejected").status()).isEqualTo(404);
        assertThat(eve.get(other + "/runs/" + partialRun + "/rejected").status()).isEqualTo(404);
        assertThat(eve.get(integration + "/rejected").status()).isEqualTo(404);
        assertThat(eve.get(other + integration.substring(accountPath.length()) + "/rejected").status()).isEqualTo(404);

        assertThat(admin.get(integration + "/rejected?size=0").status()).isEqualTo(400);
        assertThat(admin.get(accountPath + "/runs/" + partialRun + "/rejected?page=-1").status()).isEqualTo(400);
        assertThat(admin.get(accountPath + "/runs/x/rejected").status()).isEqualTo(400);
    }

    /** Makes a contact invalid for the hub: a contact needs a first or last name. */
    private long unnamed(int index) {
        long id = insightly.id(InsightlyType.CONTACTS, index);
        Map<String, Object> noName = new HashMap<>();
        noName.put("FIRST_NAME", null);
        noName.put("LAST_NAME", null);
        insightly.update(id, noName);
        return id;
    }

    private static JsonNode ok(HubClient.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }
}
