package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Insightly's webhook as its workflow automation calls it: the integration's own URL with its secret, read by an
 * administrator through the REST API. Two accounts each link their Insightly; the steps build on each other.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsightlyWebhookEndToEndTest {

    @LocalServerPort
    int port;

    InsightlySimulator insightly;
    HubClient anonymous;
    HubClient admin;
    HubClient regular;
    HubClient otherAdmin;
    String accountPath;
    String integration;
    long integrationId;
    String otherIntegration;
    String secret;

    @BeforeAll
    void setUp() {
        insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults().withSize(15));
        anonymous = HubClient.at(port);
        HubClient operator = anonymous.as("operator", "operator-test-pass");
        accountPath = account(operator, "Hooked CRM", "ines@hooked-crm.test", "ADMINISTRATOR");
        user(operator, accountPath, "ron@hooked-crm.test", "REGULAR");
        String otherAccount = account(operator, "Other CRM", "otto@other-crm.test", "ADMINISTRATOR");
        admin = anonymous.as("ines@hooked-crm.test", "long-enough-pass");
        regular = anonymous.as("ron@hooked-crm.test", "long-enough-pass");
        otherAdmin = anonymous.as("otto@other-crm.test", "long-enough-pass");
        integration = link(admin, accountPath);
        integrationId = Long.parseLong(integration.substring(integration.lastIndexOf('/') + 1));
        otherIntegration = link(otherAdmin, otherAccount);
    }

    @AfterAll
    void tearDown() {
        insightly.close();
    }

    @Test
    @Order(1)
    void anAdministratorReadsTheUrlAndSecretToRegister() {
        HubClient.Answer shown = admin.get(integration + "/webhook");
        assertThat(shown.status()).as(shown.text()).isEqualTo(200);
        assertThat(shown.get("url").asText())
                .isEqualTo("http://localhost:" + port + "/webhooks/insightly/" + integrationId);
        secret = shown.get("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(admin.get(integration + "/webhook").get("secret").asText()).as("the same until rotated")
                .isEqualTo(secret);
        assertThat(otherAdmin.get(otherIntegration + "/webhook").get("secret").asText()).isNotEqualTo(secret);

        assertThat(regular.get(integration + "/webhook").status()).isEqualTo(403);
        assertThat(regular.post(integration + "/webhook/rotate", null).status()).isEqualTo(403);
        assertThat(otherAdmin.get(integration + "/webhook").status()).isEqualTo(404);
        assertThat(anonymous.get(integration + "/webhook").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aCallWithTheSecretBringsTheChangedRecordInWithinSeconds() {
        long opportunity = insightly.id(InsightlyType.OPPORTUNITIES, 2);
        insightly.update(opportunity, Map.of("OPPORTUNITY_NAME", "Renamed by workflow"));
        HubClient.Answer answer = call(integrationId, "X-Hub-Secret", secret, payload(opportunity));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEmpty();

        JsonNode task = Poll.until(() -> admin.task(accountPath, String.valueOf(opportunity)),
                t -> t.path("name").asText().equals("Renamed by workflow"), Duration.ofSeconds(5));
        assertThat(task.path("name").asText()).isEqualTo("Renamed by workflow");
        JsonNode run = Poll.until(() -> admin.get(integration + "/runs").json().get(0),
                r -> !r.path("finishedAt").isNull(), Duration.ofSeconds(5));
        assertThat(run.path("trigger").asText()).isEqualTo("WEBHOOK");
    }

    @Test
    @Order(3)
    void aWrongMissingOrAnotherIntegrationsSecretChangesNothing() throws InterruptedException {
        long opportunity = insightly.id(InsightlyType.OPPORTUNITIES, 3);
        insightly.update(opportunity, Map.of("OPPORTUNITY_NAME", "Forged by someone"));
        int runs = admin.get(integration + "/runs").json().size();
        String others = otherAdmin.get(otherIntegration + "/webhook").get("secret").asText();

        assertThat(call(integrationId, "X-Hub-Secret", others, payload(opportunity)).status()).isEqualTo(401);
        assertThat(call(integrationId, "X-Hub-Secret", secret.substring(1), payload(opportunity)).status())
                .isEqualTo(401);
        assertThat(call(integrationId, "X-Hub-Secret", "", payload(opportunity)).status()).isEqualTo(401);
        HubClient.Answer missing = call(integrationId, null, null, payload(opportunity));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.text()).isEmpty();
        // logging in does not replace the secret
        assertThat(admin.postBytes("/webhooks/insightly/" + integrationId, "application/json",
                payload(opportunity).getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(401);

        Thread.sleep(1_500);
        assertThat(admin.get(integration + "/runs").json()).hasSize(runs);
        assertThat(admin.task(accountPath, String.valueOf(opportunity)).path("name").asText())
                .isNotEqualTo("Forged by someone");
    }

    @Test
    @Order(4)
    void theSecretMayComeAsAQueryParameterAndAReplayChangesNothingTwice() {
        long opportunity = insightly.id(InsightlyType.OPPORTUNITIES, 3);
        HubClient.Answer answer = anonymous.postBytes("/webhooks/insightly/" + integrationId + "?secret=" + secret,
                "application/json", payload(opportunity).getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(answer.status()).isEqualTo(200);
        Poll.until(() -> admin.task(accountPath, String.valueOf(opportunity)),
                t -> t.path("name").asText().equals("Forged by someone"), Duration.ofSeconds(5));
        JsonNode first = Poll.until(() -> admin.get(integration + "/runs").json().get(0),
                r -> !r.path("finishedAt").isNull(), Duration.ofSeconds(5));

        assertThat(call(integrationId, "X-Hub-Secret", secret, payload(opportunity)).status()).isEqualTo(200);
        JsonNode replayed = Poll.until(() -> admin.get(integration + "/runs").json().get(0),
                r -> r.path("id").asLong() > first.path("id").asLong() && !r.path("finishedAt").isNull(),
                Duration.ofSeconds(5));
        assertThat(replayed.path("counts").path("created").asInt()).isZero();
        assertThat(replayed.path("counts").path("updated").asInt()).as(replayed.toString()).isZero();
    }

    @Test
    @Order(5)
    void rotatingReplacesTheSecretAtOnce() {
        HubClient.Answer rotated = admin.post(integration + "/webhook/rotate", null);
        assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
        String fresh = rotated.get("secret").asText();
        assertThat(fresh).isNotEqualTo(secret);
        assertThat(admin.get(integration + "/webhook").get("secret").asText()).isEqualTo(fresh);
        long opportunity = insightly.id(InsightlyType.OPPORTUNITIES, 4);
        assertThat(call(integrationId, "X-Hub-Secret", secret, payload(opportunity)).status()).isEqualTo(401);
        int runs = admin.get(integration + "/runs").json().size();
        assertThat(call(integrationId, "X-Hub-Secret", fresh, payload(opportunity)).status()).isEqualTo(200);
        JsonNode after = Poll.until(() -> admin.get(integration + "/runs").json(),
                r -> r.size() > runs && !r.get(0).path("finishedAt").isNull(), Duration.ofSeconds(5));
        assertThat(after.get(0).path("trigger").asText()).isEqualTo("WEBHOOK");
        secret = fresh;
    }

    @Test
    @Order(6)
    void anUnknownIntegrationIsA401LikeAWrongSecretAndABadIdIsA400() throws InterruptedException {
        int runs = admin.get(integration + "/runs").json().size();
        // no caller without the secret tells an integration that exists from one that does not
        assertThat(call(987_654, "X-Hub-Secret", secret, "{}").status()).isEqualTo(401);
        assertThat(call(987_654, "X-Hub-Secret", secret, "{}").text()).isEmpty();
        assertThat(anonymous.postBytes("/webhooks/insightly/abc", "application/json", "{}".getBytes(),
                Map.of("X-Hub-Secret", secret)).status()).isEqualTo(400);
        assertThat(anonymous.postBytes("/webhooks/insightly/" + integrationId, "text/plain", "{}".getBytes(),
                Map.of("X-Hub-Secret", secret)).status()).isEqualTo(415);
        Thread.sleep(1_000);
        assertThat(admin.get(integration + "/runs").json()).hasSize(runs);
    }

    @Test
    @Order(7)
    void anUnlinkedIntegrationTakesNoMoreCalls() throws InterruptedException {
        assertThat(otherAdmin.get(otherIntegration + "/webhook").status()).isEqualTo(200);
        String others = otherAdmin.get(otherIntegration + "/webhook").get("secret").asText();
        long otherId = Long.parseLong(otherIntegration.substring(otherIntegration.lastIndexOf('/') + 1));
        assertThat(otherAdmin.delete(otherIntegration).status()).isEqualTo(204);
        int runs = otherAdmin.get(otherIntegration + "/runs").json().size();
        assertThat(call(otherId, "X-Hub-Secret", others, "{}").status()).as("unlinking forgot the secret")
                .isEqualTo(401);
        assertThat(otherAdmin.get(otherIntegration + "/webhook").status()).isEqualTo(409);
        Thread.sleep(1_000);
        assertThat(otherAdmin.get(otherIntegration + "/runs").json()).hasSize(runs);
    }

    @Test
    @Order(8)
    void aChangeAnnouncedWhileARunIsUnderWayMakesOneMoreRunAfterIt() throws InterruptedException {
        int before = admin.get(integration + "/runs").json().size();
        insightly.delayAnswers(Duration.ofMillis(300));
        try {
            assertThat(call(integrationId, "X-Hub-Secret", secret, "{}").status()).isEqualTo(200);
            Poll.until(() -> admin.get(integration + "/runs").json().get(0),
                    r -> r.path("status").asText().equals("RUNNING"), Duration.ofSeconds(5));
            // this run may have read opportunities already: the rename needs the next one
            long opportunity = insightly.id(InsightlyType.OPPORTUNITIES, 5);
            insightly.update(opportunity, Map.of("OPPORTUNITY_NAME", "Renamed mid-run"));
            assertThat(call(integrationId, "X-Hub-Secret", secret, payload(opportunity)).status()).isEqualTo(200);
            JsonNode task = Poll.until(() -> admin.task(accountPath, String.valueOf(opportunity)),
                    t -> t.path("name").asText().equals("Renamed mid-run"), Duration.ofSeconds(20));
            assertThat(task.path("name").asText()).isEqualTo("Renamed mid-run");
        } finally {
            insightly.delayAnswers(Duration.ZERO);
        }
        // the second run starts once the first has ended, whichever of them read the rename
        Poll.until(() -> admin.get(integration + "/runs").json(),
                r -> r.size() - before >= 2 && !r.get(0).path("finishedAt").isNull(), Duration.ofSeconds(10));
        Thread.sleep(1_500);
        JsonNode runs = admin.get(integration + "/runs").json();
        assertThat(runs.size() - before).as(runs.toString()).isEqualTo(2);
        assertThat(runs.get(0).path("trigger").asText()).isEqualTo("WEBHOOK");
        assertThat(runs.get(1).path("trigger").asText()).isEqualTo("WEBHOOK");
    }

    private HubClient.Answer call(long id, String header, String value, String body) {
        return anonymous.postBytes("/webhooks/insightly/" + id, "application/json",
                body.getBytes(StandardCharsets.UTF_8), header == null ? Map.of() : Map.of(header, value));
    }

    /** What an Insightly workflow sends: the record's fields. */
    private static String payload(long opportunityId) {
        return "{\"OPPORTUNITY_ID\":" + opportunityId + ",\"OPPORTUNITY_NAME\":\"as Insightly has it\"}";
    }

    private static String account(HubClient operator, String name, String adminEmail, String role) {
        String path = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", name)).get("id").asLong();
        user(operator, path, adminEmail, role);
        return path;
    }

    private static void user(HubClient operator, String accountPath, String email, String role) {
        assertThat(operator.post(accountPath + "/users", Map.of("email", email, "name", "Someone", "role", role,
                "password", "long-enough-pass")).status()).isEqualTo(201);
    }

    private String link(HubClient administrator, String account) {
        HubClient.Answer created = administrator.post(account + "/integrations", Map.of("provider", "insightly",
                "credentials", Map.of("apiKey", InsightlySimulator.DEFAULT_API_KEY, "pod", "na1"),
                "endpoint", Map.of("baseUrl", insightly.baseUrl())));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String path = account + "/integrations/" + created.get("id").asText();
        Poll.until(() -> administrator.get(path + "/runs").json(),
                r -> r.size() == 1 && !r.get(0).path("finishedAt").isNull(), Duration.ofSeconds(15));
        return path;
    }
}
