package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every endpoint answers malformed input with a 400 problem naming the field, and nothing is stored. */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsEndToEndTest {

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    HubClient operator;
    String account;
    String integration;
    String task;

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(5).withCases(5));
        operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Malformed")).get("id").asText();
        operator.post(account + "/users", Map.of("email", "admin@malformed.test", "role", "ADMINISTRATOR",
                "password", "admin-password"));
        integration = account + "/integrations/" + operator.post(account + "/integrations", Map.of(
                "provider", "salesforce", "endpoint", Map.of("loginUrl", salesforce.baseUrl()),
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN))).get("id").asText();
        operator.syncAndWait(integration, "");
        task = account + "/tasks/" + operator.tasks(account, "size=1").path("items").get(0).path("id").asText();
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
    }

    /** As {@code curl -X DELETE} sends it: no body, no Content-Length, no Transfer-Encoding. */
    @Test
    void aDeleteWithoutContentLengthAnswers204() throws IOException {
        operator.post(account + "/users", Map.of("email", "leaving@malformed.test", "role", "REGULAR",
                "password", "leaving-password"));
        String auth = Base64.getEncoder().encodeToString("operator:operator-test-pass".getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("DELETE " + account + "/users/leaving@malformed.test HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Basic " + auth + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 204");
            assertThat(answer).as("a 204 has no body to type").doesNotContainPattern("(?im)^content-type:");
        }
        assertThat(operator.get(account + "/users").text()).doesNotContain("leaving@malformed.test");
    }

    Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("POST", "/api/accounts", "{}", "name"),
                Arguments.of("POST", "/api/accounts", "{\"name\": ", null),
                Arguments.of("POST", "/api/accounts", "[1, 2]", null),
                Arguments.of("POST", "{account}/users", "{\"email\":\"not-an-email\",\"role\":\"REGULAR\",\"password\":\"long-enough\"}", "email"),
                Arguments.of("POST", "{account}/users", "{\"email\":\"x@y.test\",\"role\":\"KING\",\"password\":\"long-enough\"}", "role"),
                Arguments.of("POST", "{account}/users", "{\"email\":\"x@y.test\",\"role\":\"REGULAR\",\"password\":\"short\"}", "password"),
                Arguments.of("POST", "{account}/users", "", "body"),
                Arguments.of("POST", "{account}/integrations", "{\"provider\":\"myspace\"}", "provider"),
                Arguments.of("POST", "{account}/integrations", "{\"provider\":\"salesforce\",\"credentials\":{}}", "credentials.clientId"),
                Arguments.of("POST", "{account}/integrations", "{\"provider\":\"salesforce\",\"credentials\":\"secret\"}", "credentials"),
                Arguments.of("POST", "{account}/integrations", "{\"provider\":\"salesforce\",\"credentials\":{\"clientId\":\"a\",\"clientSecret\":\"b\",\"refreshToken\":\"c\"},\"selectedTypes\":[\"opportunities\",\"leads\"]}", "selectedTypes[1]"),
                Arguments.of("POST", "{account}/integrations", "{\"provider\":\"salesforce\",\"credentials\":{\"clientId\":\"a\",\"clientSecret\":\"b\",\"refreshToken\":\"c\"},\"intervalSeconds\":5}", "intervalSeconds"),
                Arguments.of("POST", "{account}/integrations", "{\"provider\":\"salesforce\",\"credentials\":{\"clientId\":\"a\",\"clientSecret\":\"b\",\"refreshToken\":\"c\"},\"endpoint\":{\"loginUrl\":\"ftp://x\"}}", "endpoint.loginUrl"),
                Arguments.of("GET", "{account}/integrations/abc", null, "id"),
                Arguments.of("PUT", "{integration}/types", "{\"selectedTypes\":\"cases\"}", "selectedTypes"),
                Arguments.of("PUT", "{integration}/types", "{\"selectedTypes\":[]}", "selectedTypes"),
                Arguments.of("PUT", "{integration}/timer", "{\"intervalSeconds\":86401}", "intervalSeconds"),
                Arguments.of("PUT", "{integration}/timer", "{}", "intervalSeconds"),
                Arguments.of("POST", "{integration}/sync?wait=perhaps", null, "wait"),
                Arguments.of("POST", "{integration}/sync?full=yes", null, "full"),
                Arguments.of("GET", "{integration}/runs?size=0", null, "size"),
                Arguments.of("GET", "{account}/runs/-4", null, "runId"),
                Arguments.of("POST", "{integration}/reenable", "{}", "credentials"),
                Arguments.of("GET", "{account}/tasks?status=closed", null, "status"),
                Arguments.of("GET", "{account}/tasks?page=-1", null, "page"),
                Arguments.of("GET", "{account}/tasks?size=5000", null, "size"),
                Arguments.of("GET", "{account}/tasks?integrationId=first", null, "integrationId"),
                Arguments.of("GET", "{account}/tasks?parentId=0", null, "parentId"),
                Arguments.of("GET", "{account}/tasks/x1", null, "taskId"),
                Arguments.of("GET", "{account}/tasks?q=%00", null, "q"),
                Arguments.of("GET", "{account}/tasks?status=all&type=a%0Ab", null, "type"),
                Arguments.of("POST", "{task}/assignees", "{\"email\":\"admin@malformed.test\",\"role\":\"OWNER\"}", "role"),
                Arguments.of("POST", "{task}/assignees", "{\"role\":\"REGULAR\"}", "email"),
                // JSON's types are the contract's: nothing is coerced into the type a field declares
                Arguments.of("PUT", "{integration}/timer", "{\"intervalSeconds\":\"300\"}", "intervalSeconds"),
                Arguments.of("PUT", "{integration}/timer", "{\"intervalSeconds\":300.5}", "intervalSeconds"),
                Arguments.of("PUT", "{integration}/timer", "{\"intervalSeconds\":\"\"}", "intervalSeconds"),
                Arguments.of("PUT", "{integration}/timer", "{\"intervalSeconds\":true}", "intervalSeconds"),
                Arguments.of("POST", "/api/accounts", "{\"name\":123}", "name"),
                Arguments.of("POST", "/api/accounts", "{\"name\":false}", "name"),
                Arguments.of("POST", "{account}/users", "{\"email\":\"x@y.test\",\"role\":\"REGULAR\",\"password\":12345678}", "password"),
                Arguments.of("POST", "{account}/integrations", "{\"provider\":\"salesforce\",\"credentials\":{\"clientId\":1,\"clientSecret\":\"b\",\"refreshToken\":\"c\"}}", "credentials.clientId"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("malformed")
    void isAnsweredWithAPreciseProblem(String method, String path, String body, String field) {
        String url = path.replace("{account}", account).replace("{integration}", integration).replace("{task}", task);
        HubClient.Answer answer = operator.send(method, url, body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.get("title").asText()).isEqualTo("Invalid request");
        if (field != null) {
            assertThat(answer.get("field").asText()).isEqualTo(field);
            assertThat(answer.get("detail").asText()).startsWith(field);
        }
        assertThat(answer.get("detail").asText()).as("the hub's insides").doesNotContain("`", "java.", "Cannot ");
    }

    @Test
    void wronglyTypedValuesChangeNothing() {
        int before = operator.get(integration + "/timer").get("intervalSeconds").asInt();
        for (String body : List.of("{\"intervalSeconds\":\"300\"}", "{\"intervalSeconds\":300.5}")) {
            assertThat(operator.put(integration + "/timer", body).status()).as(body).isEqualTo(400);
        }
        assertThat(operator.get(integration + "/timer").get("intervalSeconds").asInt()).isEqualTo(before);
        assertThat(operator.get("/api/accounts").text()).doesNotContain("\"123\"");
    }

    /** JSON is UTF-8 (RFC 8259): other bytes are a 400 however the body is sent, and nothing takes effect. */
    @Test
    void aBodyThatIsNotUtf8IsRefusedAsNotJson() {
        byte[] timer = "{\"intervalSeconds\":300,\"x\":\"?\"}".getBytes(StandardCharsets.US_ASCII);
        timer[timer.length - 3] = (byte) 0xff;
        byte[] name = "{\"name\":\"Caf?\"}".getBytes(StandardCharsets.US_ASCII);
        name[name.length - 3] = (byte) 0xe9;
        for (boolean chunked : List.of(false, true)) {
            for (Map.Entry<String, byte[]> call : Map.of(integration + "/timer", timer, "/api/accounts", name)
                    .entrySet()) {
                String method = call.getKey().endsWith("timer") ? "PUT" : "POST";
                HubClient.Answer answer = operator.sendBytes(method, call.getKey(), "application/json",
                        call.getValue(), chunked);
                assertThat(answer.status()).as(call.getKey() + " chunked " + chunked).isEqualTo(400);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.get("detail").asText()).contains("not valid JSON").contains("UTF-8");
            }
        }
        assertThat(operator.get(integration + "/timer").get("intervalSeconds").asInt()).isNotEqualTo(300);
        assertThat(operator.get("/api/accounts").text()).doesNotContain("Caf");
    }

    /** Paths that route nowhere, methods and media types no operation takes: problems, not Spring's error page. */
    Stream<Arguments> unrouted() {
        return Stream.of(
                Arguments.of("GET", "{account}/integrations/", 404),
                Arguments.of("GET", "/API/accounts", 404),
                Arguments.of("GET", "{account}", 404),
                Arguments.of("GET", "/nowhere", 404),
                Arguments.of("POST", "/webhooks/xero/", 404),
                Arguments.of("GET", "/error", 404),
                Arguments.of("POST", "{task}", 405),
                Arguments.of("DELETE", "{account}/integrations", 405));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unrouted")
    void isAnsweredWithAProblemOfItsStatus(String method, String path, int status) {
        String url = path.replace("{account}", account).replace("{task}", task);
        HubClient.Answer answer = operator.send(method, url, method.equals("GET") ? null : "{}");
        assertProblem(answer.status(), answer.contentType(), answer.text(), status);
    }

    @Test
    void aPathThatRoutesNowhereSaysNothingOfTheAccount() {
        HubClient.Answer own = operator.get(account + "/integrations/");
        HubClient.Answer none = operator.get("/api/accounts/987654/integrations/");
        assertThat(own.status()).isEqualTo(404);
        assertThat(none.text()).isEqualTo(own.text()).doesNotContain("987654");
    }

    /** Sent past HubClient: the OpenAPI document describes JSON answers, not what a client that refuses them gets. */
    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/html", "application/xml"})
    void anAnswerTheClientWouldNotAcceptIsA406Problem(String accept) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + account + "/integrations"))
                .header("Authorization", basic("operator", "operator-test-pass")).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body(), 406);
    }

    /** A GET announcing a chunked body it never sends: answered at once, not after the 30 s async timeout. */
    @Test
    void aGetsAnnouncedBodyIsNotWaitedFor() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + account + "/integrations HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + basic("operator", "operator-test-pass") + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 200");
        }
    }

    private static void assertProblem(int status, String contentType, String body, int expected) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(contentType).as(body).startsWith("application/problem+json");
        assertThat(body).contains("\"status\":" + expected).contains("\"title\"", "\"detail\"")
                .doesNotContain("timestamp", "Exception", "trace", "/api/");
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
