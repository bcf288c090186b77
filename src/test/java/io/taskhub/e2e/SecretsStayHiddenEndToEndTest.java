package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.config.HubProperties;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.ConsoleClient;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No secret anywhere: all four providers enabled with marker secrets against their simulators and synced, then
 * every marker (client secrets, refresh and access tokens, the Insightly API key, passwords, the credentials key,
 * also as the HTTP Basic values they travel in) looked for in what the API and the actuator answer, in every
 * attribute Jolokia reads, in the hub's log and in the bytes of the embedded database's files.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayHiddenEndToEndTest {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String OPERATOR_PASSWORD = "operator-test-pass";

    @LocalServerPort
    int port;
    @Autowired
    HubProperties hub;

    SalesforceSimulator salesforce;
    InsightlySimulator insightly;
    XeroSimulator xero;
    QuickBooksSimulator quickbooks;
    HubClient operator;
    HubClient admin;
    String account;
    /** Marker name → secret value, filled as the secrets come to exist. */
    final Map<String, String> markers = new LinkedHashMap<>();
    /** Every API answer the test was given, refusals too. */
    final StringBuilder answers = new StringBuilder();

    @BeforeAll
    void setUp() throws IOException {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(30)
                .withCases(10).withClient("sf-client-" + RUN, marker("salesforceSecret"),
                        marker("salesforceRefresh")));
        insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults().withSize(10)
                .withApiKey(marker("insightlyKey")));
        XeroSimulator.Options xeroDefaults = XeroSimulator.Options.defaults().withContacts(20);
        xero = XeroSimulator.start(new XeroSimulator.Options(0, xeroDefaults.contacts(), xeroDefaults.seed(),
                "xero-client-" + RUN, marker("xeroSecret"), marker("xeroRefresh"), Duration.ofMinutes(30)));
        QuickBooksSimulator.Options qbDefaults = QuickBooksSimulator.Options.defaults().withSize(10);
        quickbooks = QuickBooksSimulator.start(new QuickBooksSimulator.Options(0, qbDefaults.seed(),
                qbDefaults.sizes(), "qb-client-" + RUN, marker("quickbooksSecret"), marker("quickbooksRefresh"),
                qbDefaults.realmId(), List.of(), Duration.ofHours(1)));
        markers.put("operatorPassword", OPERATOR_PASSWORD);
        markers.put("credentialsKey", Files.readString(hub.dataDir().resolve("secret.key")).trim());
        markers.put("insightlyBasic", basic(markers.get("insightlyKey"), ""));
        markers.put("xeroBasic", basic("xero-client-" + RUN, markers.get("xeroSecret")));
        markers.put("quickbooksBasic", basic("qb-client-" + RUN, markers.get("quickbooksSecret")));

        operator = HubClient.at(port).as("operator", OPERATOR_PASSWORD);
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Secrets")).get("id").asLong();
        addUser("sam@secrets.test", "ADMINISTRATOR", marker("adminPassword"));
        addUser("sue@secrets.test", "REGULAR", marker("regularPassword"));
        admin = HubClient.at(port).as("sam@secrets.test", markers.get("adminPassword"));

        enableAndSync(salesforceBody(marker("salesforceRefusedRefresh")), salesforceBody(markers.get(
                "salesforceRefresh")));
        enableAndSync(insightlyBody(marker("insightlyRefusedKey")), insightlyBody(markers.get("insightlyKey")));
        enableAndSync(xeroBody(marker("xeroRefusedRefresh")), xeroBody(markers.get("xeroRefresh")));
        enableAndSync(quickbooksBody(marker("quickbooksRefusedRefresh")),
                quickbooksBody(markers.get("quickbooksRefresh")));
        syncsThatMeetTrouble();
        handedOut("salesforceToken", salesforce.tokensHandedOut());
        handedOut("xeroToken", xero.tokensHandedOut());
        handedOut("quickbooksToken", quickbooks.tokensHandedOut());
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
        insightly.close();
        xero.close();
        quickbooks.close();
    }

    @Test
    @Order(1)
    void theApiAnswersNone() {
        HubClient regular = HubClient.at(port).as("sue@secrets.test", markers.get("regularPassword"));
        for (String path : List.of(account + "/integrations", account + "/clients", account + "/timers",
                account + "/users", account + "/tasks?status=all&size=500", account + "/quickbooks/customers?q=",
                "/api/providers", "/api/openapi.json", "/api/accounts")) {
            assertThat(collect(path, operator.get(path)).status()).as(path).isEqualTo(200);
        }
        for (JsonNode integration : admin.get(account + "/integrations").json()) {
            String path = account + "/integrations/" + integration.path("id").asText();
            for (String part : List.of("", "/runs", "/timer")) {
                HubClient.Answer answer = collect(path + part, regular.get(path + part));
                assertThat(answer.status()).as(path + part + ": " + answer.text()).isEqualTo(200);
            }
            for (JsonNode run : admin.get(path + "/runs").json()) {
                collect("run", admin.get(account + "/runs/" + run.path("id").asText()));
            }
        }
        assertThat(answers).as("what was searched").contains("sam@secrets.test", "Salesforce", "Xero");
        assertThat(hits("the API", answers.toString())).isEmpty();
    }

    @Test
    @Order(2)
    void theActuatorAnswersNone() {
        List<String> hits = new ArrayList<>();
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/info", "/actuator/metrics",
                "/actuator/metrics/http.server.requests", "/actuator/prometheus")) {
            HubClient.Answer answer = operator.send("GET", path, null);
            assertThat(answer.status()).as(path).isEqualTo(200);
            hits.addAll(hits(path, answer.text()));
        }
        assertThat(hits).isEmpty();
    }

    @Test
    @Order(3)
    void noAttributeJolokiaReadsHoldsOne() {
        ConsoleClient console = ConsoleClient.as(port, "operator", OPERATOR_PASSWORD);
        List<Map<String, Object>> reads = new ArrayList<>();
        console.post(Map.of("type", "search", "mbean", "*:*")).json().path("value").forEach(name -> reads.add(
                Map.of("type", "read", "mbean", name.asText(), "config", Map.of("ignoreErrors", true))));
        JsonNode values = console.post(reads).json();
        assertThat(values.size()).isEqualTo(reads.size()).isGreaterThan(100);
        assertThat(values.toString()).as("what was searched").contains("xero-invoices-export", "sync-page-writer");
        List<String> hits = new ArrayList<>();
        values.forEach(read -> hits.addAll(hits(read.path("request").path("mbean").asText(), read.toString())));
        assertThat(hits).isEmpty();
    }

    @Test
    @Order(4)
    void theDatabaseFilesHoldNone() throws IOException {
        Path data = hub.dataDir().resolve("postgres");
        List<String> hits = new ArrayList<>();
        boolean stored = false;
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = bytes(file);
                stored |= bytes.contains("sam@secrets.test");
                hits.addAll(hits(data.relativize(file).toString(), bytes));
            }
        }
        assertThat(stored).as("the account's users are in the files searched").isTrue();
        assertThat(hits).isEmpty();
    }

    @Test
    @Order(5)
    void theLogHoldsNone(CapturedOutput output) {
        assertThat(output.getAll()).as("the failed syncs were logged").contains("Sync", "failed");
        assertThat(hits("the log", output.getAll())).isEmpty();
    }

    private String marker(String name) {
        String value = name + "-" + RUN;
        markers.put(name, value);
        return value;
    }

    private void handedOut(String name, List<String> tokens) {
        assertThat(tokens).as(name).isNotEmpty();
        for (int i = 0; i < tokens.size(); i++) {
            markers.put(name + i, tokens.get(i));
        }
    }

    private List<String> hits(String where, String text) {
        return markers.entrySet().stream().filter(m -> text.contains(m.getValue()))
                .map(m -> m.getKey() + " in " + where).toList();
    }

    private void addUser(String email, String role, String password) {
        assertThat(operator.post(account + "/users", Map.of("email", email, "name", email, "role", role,
                "password", password)).status()).isEqualTo(201);
    }

    /** A refused enable first (its error answer and log are searched too), then the real one and its sync. */
    private void enableAndSync(Map<String, Object> refused, Map<String, Object> accepted) {
        HubClient.Answer refusal = collect("refused enable", admin.post(account + "/integrations", refused));
        assertThat(refusal.status()).as(refusal.text()).isEqualTo(422);
        HubClient.Answer created = collect("enable", admin.post(account + "/integrations", accepted));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String integration = account + "/integrations/" + created.get("id").asText();
        HubClient.Answer run = collect("sync", admin.post(integration + "/sync?wait=true", null));
        assertThat(run.get("status").asText()).as(run.text()).isEqualTo("SUCCEEDED");
    }

    /** Syncs that meet a lost session, an expired token and server errors: their errors are searched too. */
    private void syncsThatMeetTrouble() {
        salesforce.expireSessions();
        quickbooks.expireAccessTokens();
        insightly.failNextRequests(20, 500);
        xero.failNextRequests(20, 503);
        for (JsonNode integration : admin.get(account + "/integrations").json()) {
            collect("troubled sync", admin.post(account + "/integrations/" + integration.path("id").asText()
                    + "/sync?wait=true", null));
        }
    }

    private HubClient.Answer collect(String what, HubClient.Answer answer) {
        answers.append(what).append(": ").append(answer.text()).append('\n');
        return answer;
    }

    private Map<String, Object> salesforceBody(String refreshToken) {
        return Map.of("provider", "salesforce", "credentials", Map.of("clientId", "sf-client-" + RUN,
                        "clientSecret", markers.get("salesforceSecret"), "refreshToken", refreshToken),
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()));
    }

    private Map<String, Object> insightlyBody(String apiKey) {
        return Map.of("provider", "insightly", "credentials", Map.of("apiKey", apiKey, "pod", "na1"),
                "endpoint", Map.of("baseUrl", insightly.baseUrl()));
    }

    private Map<String, Object> xeroBody(String refreshToken) {
        return Map.of("provider", "xero", "credentials", Map.of("clientId", "xero-client-" + RUN,
                        "clientSecret", markers.get("xeroSecret"), "refreshToken", refreshToken),
                "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                "settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                        "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT));
    }

    private Map<String, Object> quickbooksBody(String refreshToken) {
        return Map.of("provider", "quickbooks", "credentials", Map.of("clientId", "qb-client-" + RUN,
                        "clientSecret", markers.get("quickbooksSecret"), "refreshToken", refreshToken,
                        "realmId", quickbooks.realmId()),
                "endpoint", Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl()));
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The file's bytes one to one as characters, so that a marker's ASCII shows wherever it is stored. */
    private static String bytes(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException gone) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
