package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.security.OperationAccess;
import io.taskhub.security.OperationAccess.Need;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call what, tried from the outside on every operation that {@code /api/openapi.json} lists: anonymous
 * callers, another account's administrator holding real ids of this account's resources, and a REGULAR user; and
 * every way of spelling a path that might slip past the check.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessEndToEndTest {

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    HubClient anonymous;
    HubClient operator;
    HubClient regular;
    HubClient admin;
    HubClient intruder;
    long account;
    long otherAccount;
    Map<String, String> ids;
    List<Operation> operations;

    record Operation(String id, String method, String path, boolean takesBody) {
        String fill(Map<String, String> ids) {
            String filled = path;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                filled = filled.replace("{" + id.getKey() + "}", id.getValue());
            }
            return filled;
        }

        Need need() {
            return OperationAccess.of(id).orElseThrow(() -> new AssertionError(id + " has no access rule"));
        }
    }

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(5).withCases(5));
        anonymous = HubClient.at(port);
        operator = anonymous.as("operator", "operator-test-pass");
        account = operator.post("/api/accounts", Map.of("name", "Guarded")).get("id").asLong();
        otherAccount = operator.post("/api/accounts", Map.of("name", "Intruders")).get("id").asLong();
        user(account, "admin@guarded.test", "ADMINISTRATOR");
        user(account, "regular@guarded.test", "REGULAR");
        user(otherAccount, "admin@intruders.test", "ADMINISTRATOR");
        admin = anonymous.as("admin@guarded.test", "long-enough-pass");
        regular = anonymous.as("regular@guarded.test", "long-enough-pass");
        intruder = anonymous.as("admin@intruders.test", "long-enough-pass");
        String integration = admin.post("/api/accounts/" + account + "/integrations", Map.of(
                "provider", "salesforce", "endpoint", Map.of("loginUrl", salesforce.baseUrl()),
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN))).get("id").asText();
        JsonNode run = admin.syncAndWait("/api/accounts/" + account + "/integrations/" + integration, "");
        String task = admin.tasks("/api/accounts/" + account, "size=1").path("items").get(0).path("id").asText();
        ids = Map.of("acc", String.valueOf(account), "id", integration, "runId", run.path("id").asText(),
                "taskId", task, "clientId", "1", "email", "regular@guarded.test", "documentType", "INVOICE",
                "documentId", "1", "connectionId", "1");
        operations = operations(anonymous.get("/api/openapi.json").json());
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
    }

    @Test
    void everyOperationHasAnAccessRule() {
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(operations).allSatisfy(Operation::need);
    }

    @Test
    void theApiDescriptionSaysHowRequestsAreRefused() {
        String description = anonymous.get("/api/openapi.json").json().path("info").path("description").asText();
        assertThat(description).contains("413").contains("415").contains("429").contains("HUB_ENDPOINT_HOSTS");
    }

    @Test
    void anonymousCallersMayOnlyReadTheApiDescription() {
        for (Operation op : operations) {
            int status = anonymous.send(op.method(), op.fill(ids), "{}").status();
            assertThat(status).as(op.toString()).isEqualTo(op.need() == Need.ANYONE ? 200 : 401);
        }
    }

    @Test
    void anotherAccountsAdministratorFindsNothingHoweverThePathIsSpelled() {
        for (Operation op : operations) {
            for (String path : spellings(op.fill(ids))) {
                HubClient.Answer answer = intruder.send(op.method(), path, "{}");
                if (op.need().inAccount()) {
                    assertThat(answer.status()).as(op + " as " + path + ": " + answer.text()).isIn(400, 404);
                } else if (op.need() == Need.OPERATOR) {
                    assertThat(answer.status()).as(op + " as " + path + ": " + answer.text()).isIn(400, 403, 404);
                }
            }
        }
        assertNothingChanged();
    }

    @Test
    void aRegularUserCannotLiftItsRoleHoweverThePathIsSpelled() {
        for (Operation op : operations) {
            if (op.need() != Need.ADMINISTRATOR && op.need() != Need.OPERATOR) {
                continue;
            }
            for (String path : spellings(op.fill(ids))) {
                HubClient.Answer answer = regular.send(op.method(), path, "{}");
                assertThat(answer.status()).as(op + " as " + path + ": " + answer.text()).isIn(400, 403, 404);
            }
        }
        assertNothingChanged();
    }

    @Test
    void parametersBesideThePathDoNotChangeTheAccount() {
        String own = "/api/accounts/" + otherAccount + "/users";
        HubClient.Answer users = intruder.send("GET", own + "?acc=" + account, null);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.text()).contains("admin@intruders.test").doesNotContain("guarded.test");
        HubClient.Answer viaHeader = intruder.sendWithHeader("GET", own, "acc", String.valueOf(account));
        assertThat(viaHeader.text()).contains("admin@intruders.test").doesNotContain("guarded.test");
    }

    @Test
    void aMemberReachesItsOwnAccountWithEncodedPaths() {
        String encoded = "/api/%61ccounts/" + percentEncoded(String.valueOf(account)) + "/%75sers";
        HubClient.Answer users = regular.get(encoded);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.text()).contains("regular@guarded.test");
    }

    @Test
    void everyOperationAnswersBadInputWithA4xxAndChangesNothing() {
        byte[] huge = ("{\"name\":\"" + "x".repeat(1100 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (Operation op : operations) {
            boolean unsafe = !op.method().equals("GET");
            for (Map.Entry<String, String> badId : badIds().entrySet()) {
                Map<String, String> bad = new HashMap<>(ids);
                bad.replaceAll((name, value) -> name.equals("acc") ? value : badId.getValue());
                String path = op.fill(bad);
                if (path.equals(op.fill(ids))) {
                    continue; // no path parameter to spoil
                }
                assertFourHundreds(op, badId.getKey(), operator.send(op.method(), path, unsafe ? "{}" : null));
            }
            String path = op.fill(ids);
            if (!unsafe) {
                assertFourHundreds(op, "query", operator.get(path + "?page=-1&size=x&status=x&from=x&q=%00"));
            }
            if (op.takesBody()) {
                for (String body : List.of("{", "[1,2]", "\"text\"", "{\"name\":\"a\\u0000b\"}", "{\"email\":{\"a\":1}}")) {
                    assertFourHundreds(op, body, operator.send(op.method(), path, body));
                }
            }
            if (unsafe) {
                assertThat(operator.sendBytes(op.method(), path, "text/plain", "{}".getBytes(), false).status())
                        .as(op + " text/plain").isEqualTo(415);
                assertThat(operator.sendBytes(op.method(), path, "application/json", huge, false).status())
                        .as(op + " huge").isEqualTo(413);
            }
        }
        assertNothingChanged();
    }

    private static void assertFourHundreds(Operation op, String input, HubClient.Answer answer) {
        assertThat(answer.status()).as(op + " with " + input + ": " + answer.text()).isBetween(200, 499);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as(op + " with " + input).startsWith("application/problem+json");
        }
    }

    /** Path parameters no resource has: each must be a 400 or a 404, whatever the operation. */
    private static Map<String, String> badIds() {
        return Map.of("letters", "abc", "negative", "-1", "huge", "9".repeat(30), "nul", "%00",
                "long", "x".repeat(5000), "quote", "%27%20or%201=1--", "email", "nobody%40nowhere.test");
    }

    private void assertNothingChanged() {
        JsonNode users = operator.get("/api/accounts/" + account + "/users").json();
        assertThat(users.size()).isEqualTo(2);
        JsonNode integration = operator.get("/api/accounts/" + account + "/integrations/" + ids.get("id")).json();
        assertThat(integration.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(integration.path("intervalSeconds").asInt()).isEqualTo(3600);
        assertThat(operator.get("/api/accounts").json().size()).isEqualTo(accountsAtStart());
    }

    private int accountsAtStart() {
        return (int) operator.get("/api/accounts").json().findValues("id").stream()
                .filter(id -> id.asLong() <= otherAccount).count();
    }

    /** The same path spelled every way that might reach the same operation, or another. */
    static List<String> spellings(String path) {
        List<String> spellings = new ArrayList<>();
        spellings.add(path);
        spellings.add(path.replace("/api/accounts", "/api/%61ccounts"));
        spellings.add(path.replace("/users", "/%75sers").replace("/integrations", "/%69ntegrations")
                .replace("/tasks", "/%74asks").replace("/clients", "/%63lients"));
        spellings.add(replaceAccount(path, AccessEndToEndTest::percentEncoded));
        spellings.add(path.replace("/api/", "/api//"));
        spellings.add(path.replace("/api/", "//api/"));
        spellings.add(path + "/");
        spellings.add(path.replace("/api/accounts/", "/api/accounts/0/../"));
        spellings.add(path.replace("/api/accounts/", "/api/./accounts/"));
        spellings.add(path.replace("/api/accounts/", "/api/accounts;x=1/"));
        spellings.add(replaceAccount(path, acc -> acc + ";acc=1"));
        spellings.add(path.replace("/api/accounts", "/api%2Faccounts"));
        spellings.add(path.replace("/api/accounts", "/API/ACCOUNTS"));
        spellings.add(path.replace("/api/accounts", "/api/Accounts"));
        spellings.add(replaceAccount(path, acc -> "+" + acc));
        spellings.add(replaceAccount(path, acc -> "0" + acc));
        return spellings;
    }

    private static String replaceAccount(String path, Function<String, String> change) {
        String prefix = "/api/accounts/";
        if (!path.startsWith(prefix)) {
            return path;
        }
        int end = path.indexOf('/', prefix.length());
        end = end < 0 ? path.length() : end;
        return prefix + change.apply(path.substring(prefix.length(), end)) + path.substring(end);
    }

    private static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        text.chars().forEach(c -> encoded.append(String.format("%%%02X", c)));
        return encoded.toString();
    }

    private static List<Operation> operations(JsonNode openapi) {
        List<Operation> operations = new ArrayList<>();
        String base = openapi.path("servers").path(0).path("url").asText("");
        String prefix = base.contains("/api") ? "/api" : "";
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method ->
                operations.add(new Operation(method.getValue().path("operationId").asText(),
                        method.getKey().toUpperCase(), prefix + path.getKey(),
                        method.getValue().has("requestBody")))));
        operations.add(new Operation("api-openapi", "GET", "/api/openapi.json", false));
        return operations;
    }

    private void user(long acc, String email, String role) {
        HubClient.Answer created = operator.post("/api/accounts/" + acc + "/users",
                Map.of("email", email, "role", role, "password", "long-enough-pass"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }
}
