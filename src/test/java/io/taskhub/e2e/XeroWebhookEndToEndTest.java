package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
import io.taskhub.support.SignedDelivery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Xero's webhook as Xero calls it (CONTRACT §3, Webhooks): deliveries signed with the test profile's webhook key,
 * posted without login; what they change is read back through the REST API alone. The steps build on each other.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XeroWebhookEndToEndTest {

    private static final String INTENT_TO_RECEIVE =
            "{\"events\":[],\"firstEventSequence\":0,\"lastEventSequence\":0,\"entropy\":\"QWERTYÜIOPASDFGHJ\"}";

    @LocalServerPort
    int port;

    XeroSimulator xero;
    HubClient anonymous;
    HubClient admin;
    HubClient operator;
    String accountPath;
    String integration;

    @BeforeAll
    void setUp() {
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(30));
        anonymous = HubClient.at(port);
        operator = anonymous.as("operator", "operator-test-pass");
        accountPath = "/api/accounts/"
                + operator.post("/api/accounts", Map.of("name", "Hooked Ltd")).get("id").asLong();
        operator.post(accountPath + "/users", Map.of("email", "hal@hooked.test", "name", "Hal",
                "role", "ADMINISTRATOR", "password", "hal-password"));
        admin = anonymous.as("hal@hooked.test", "hal-password");
        HubClient.Answer created = admin.post(accountPath + "/integrations", Map.of("provider", "xero",
                "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", xero.issueRefreshToken()),
                "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                "settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                        "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        integration = accountPath + "/integrations/" + created.get("id").asText();
        JsonNode first = Poll.until(this::runs, r -> r.size() == 1 && !r.get(0).path("finishedAt").isNull(),
                Duration.ofSeconds(15));
        assertThat(first.get(0).path("status").asText()).as(first.toString()).isEqualTo("SUCCEEDED");
    }

    @AfterAll
    void tearDown() {
        xero.close();
    }

    @Test
    @Order(1)
    void intentToReceiveIsAnsweredLikeXeroAsks() {
        HubClient.Answer signed = SignedDelivery.xero(anonymous, INTENT_TO_RECEIVE);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.text()).isEmpty();

        HubClient.Answer wrong = SignedDelivery.post(anonymous, "/webhooks/xero", "x-xero-signature",
                SignedDelivery.signature(INTENT_TO_RECEIVE, "not-the-key"), INTENT_TO_RECEIVE);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text()).isEmpty();
        HubClient.Answer missing = SignedDelivery.post(anonymous, "/webhooks/xero", "x-xero-signature", null,
                INTENT_TO_RECEIVE);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.text()).isEmpty();
        HubClient.Answer garbage = SignedDelivery.post(anonymous, "/webhooks/xero", "x-xero-signature", "%%%",
                INTENT_TO_RECEIVE);
        assertThat(garbage.status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aSignedContactEventMakesTheChangeVisibleWithinFiveSeconds() {
        String contact = xero.contactId(3);
        xero.renameContact(contact, "Zoë Webhook");
        long sent = System.nanoTime();
        HubClient.Answer answer = SignedDelivery.xero(anonymous, contactEvent(contact));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("answered at once").isLessThan(Duration.ofSeconds(1));

        JsonNode task = Poll.until(() -> admin.task(accountPath, contact),
                t -> t.path("name").asText().equals("Zoë Webhook"), Duration.ofSeconds(5));
        assertThat(task.path("name").asText()).isEqualTo("Zoë Webhook");
        JsonNode last = Poll.until(this::lastRun, r -> !r.path("finishedAt").isNull(), Duration.ofSeconds(5));
        assertThat(last.path("trigger").asText()).isEqualTo("WEBHOOK");
        assertThat(last.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(last.path("full").asBoolean()).isFalse();
    }

    @Test
    @Order(3)
    void aWrongOrMissingSignatureChangesNothing() throws InterruptedException {
        String contact = xero.contactId(4);
        xero.renameContact(contact, "Forged rename");
        int runs = runs().size();
        String event = contactEvent(contact);
        assertThat(SignedDelivery.post(anonymous, "/webhooks/xero", "x-xero-signature",
                SignedDelivery.signature(event, "not-the-key"), event).status()).isEqualTo(401);
        assertThat(SignedDelivery.post(anonymous, "/webhooks/xero", "x-xero-signature", null, event).status())
                .isEqualTo(401);
        // signed for another body: the signature covers every byte
        assertThat(SignedDelivery.post(anonymous, "/webhooks/xero", "x-xero-signature",
                SignedDelivery.signature(event, SignedDelivery.XERO_KEY), event + " ").status()).isEqualTo(401);
        Thread.sleep(1_500);
        assertThat(runs()).hasSize(runs);
        assertThat(admin.task(accountPath, contact).path("name").asText()).isNotEqualTo("Forged rename");
    }

    @Test
    @Order(4)
    void aBurstOfFiftyEventsMakesAtMostTwoRuns() throws InterruptedException {
        int before = runs().size();
        for (int i = 0; i < 50; i++) {
            String contact = xero.contactId(10 + i % 20);
            xero.renameContact(contact, "Burst " + i);
            assertThat(SignedDelivery.xero(anonymous, contactEvent(contact)).status()).isEqualTo(200);
        }
        String lastRenamed = xero.contactId(10 + 49 % 20);
        Poll.until(() -> admin.task(accountPath, lastRenamed), t -> t.path("name").asText().equals("Burst 49"),
                Duration.ofSeconds(10));
        Thread.sleep(1_500); // a run the burst still asked for would have started by now
        JsonNode settled = Poll.until(this::runs, r -> !r.get(0).path("finishedAt").isNull(), Duration.ofSeconds(10));
        List<JsonNode> made = new ArrayList<>();
        settled.forEach(made::add);
        made = made.subList(0, made.size() - before);
        assertThat(made).as(settled.toString()).hasSizeBetween(1, 2)
                .allMatch(r -> r.path("trigger").asText().equals("WEBHOOK"));
        for (int i = 30; i < 50; i++) {
            assertThat(admin.task(accountPath, xero.contactId(10 + i % 20)).path("name").asText())
                    .isEqualTo("Burst " + i);
        }
    }

    @Test
    @Order(5)
    void aReplayedDeliveryChangesNothingTwice() {
        String contact = xero.contactId(5);
        xero.renameContact(contact, "Renamed once");
        String event = contactEvent(contact);
        assertThat(SignedDelivery.xero(anonymous, event).status()).isEqualTo(200);
        Poll.until(() -> admin.task(accountPath, contact), t -> t.path("name").asText().equals("Renamed once"),
                Duration.ofSeconds(5));
        JsonNode first = Poll.until(this::lastRun, r -> !r.path("finishedAt").isNull(), Duration.ofSeconds(5));

        assertThat(SignedDelivery.xero(anonymous, event).status()).isEqualTo(200);
        JsonNode replayed = Poll.until(this::lastRun, r -> r.path("id").asLong() > first.path("id").asLong()
                && !r.path("finishedAt").isNull(), Duration.ofSeconds(5));
        assertThat(replayed.path("counts").path("created").asInt()).isZero();
        assertThat(replayed.path("counts").path("updated").asInt()).as(replayed.toString()).isZero();
        assertThat(admin.task(accountPath, contact).path("name").asText()).isEqualTo("Renamed once");
    }

    @Test
    @Order(6)
    void anUnknownTenantIsDroppedWithA200AndCounted() throws InterruptedException {
        int runs = runs().size();
        String other = contactEvent(xero.contactId(6)).replace(XeroSimulator.DEFAULT_TENANT_ID,
                "00000000-0000-0000-0000-000000000000");
        HubClient.Answer answer = SignedDelivery.xero(anonymous, other);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEmpty();
        Thread.sleep(1_000);
        assertThat(runs()).hasSize(runs);
        assertThat(operator.get("/actuator/prometheus").text())
                .containsPattern("hub_webhooks_dropped_total\\{[^}]*provider=\"xero\"[^}]*} [1-9]");
    }

    @Test
    @Order(7)
    void oversizedAndMalformedDeliveriesAreRefusedWithout5xx() {
        String huge = "{\"events\":[],\"entropy\":\"" + "x".repeat(1100 * 1024) + "\"}";
        assertThat(SignedDelivery.xero(anonymous, huge).status()).isEqualTo(413);
        assertThat(SignedDelivery.xero(anonymous, "{\"events\":[").status()).isEqualTo(400);
        assertThat(anonymous.postBytes("/webhooks/xero", "text/plain", "hello".getBytes(StandardCharsets.UTF_8),
                Map.of()).status()).isEqualTo(415);
        assertThat(anonymous.get("/webhooks/xero").status()).isBetween(400, 499);
    }

    private static String contactEvent(String contactId) {
        return SignedDelivery.xeroContactEvent(XeroSimulator.DEFAULT_TENANT_ID, contactId);
    }

    private JsonNode runs() {
        return admin.get(integration + "/runs").json();
    }

    private JsonNode lastRun() {
        return runs().get(0);
    }
}
