package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an answer carries besides its body: nothing of the request (its credentials, cookies, query parameters) and
 * no header a caller chose by naming it in the query, on the API and on the webhooks anyone may call; and a query
 * parameter named like a header changes nothing of how the request is read or answered.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseHeadersEndToEndTest {

    /** Response headers a caller must never be able to set through the query. */
    private static final String CHOSEN = "?Access-Control-Allow-Origin=https://evil.example"
            + "&Access-Control-Allow-Credentials=true&Set-Cookie=session%3Devil&Location=https://evil.example"
            + "&Strict-Transport-Security=max-age%3D0&Content-Encoding=br&Refresh=0&foo=bar";

    @LocalServerPort
    int port;

    HubClient admin;
    HubClient anonymous;
    String account;

    @BeforeAll
    void setUp() {
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Headers")).get("id").asText();
        assertThat(operator.post(account + "/users", Map.of("email", "admin@headers.test", "role", "ADMINISTRATOR",
                "password", "admin-password")).status()).isEqualTo(201);
        admin = HubClient.at(port).as("admin@headers.test", "admin-password");
        anonymous = HubClient.at(port);
    }

    @Test
    void anAnswerRepeatsNothingOfTheRequest() {
        HubClient.Answer answer = admin.sendWithHeader("GET", account + "/integrations?foo=bar", "Cookie",
                "session=secret-cookie");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(names(answer)).doesNotContain("authorization", "cookie", "foo", "acc", "user-agent", "host");
        assertThat(answer.headers().map().values().stream().flatMap(List::stream))
                .noneMatch(value -> value.contains("secret-cookie") || value.startsWith("Basic "));
    }

    @Test
    void theQueryChoosesNoHeaderOfTheAnswer() {
        HubClient.Answer api = admin.get(account + "/integrations" + CHOSEN);
        HubClient.Answer created = admin.post(account + "/users" + CHOSEN, Map.of("email", "new@headers.test",
                "role", "REGULAR", "password", "regular-password"));
        HubClient.Answer webhook = anonymous.postBytes("/webhooks/insightly/999999" + CHOSEN + "&secret=s3cret",
                "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of("X-Hub-Secret", "hdr-secret"));

        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().isArray()).as("still plain JSON: " + api.text()).isTrue();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(webhook.status()).as("an unknown integration, like a wrong secret").isEqualTo(401);
        for (HubClient.Answer answer : List.of(api, created, webhook)) {
            assertThat(names(answer)).doesNotContain("access-control-allow-origin",
                    "access-control-allow-credentials", "location", "content-encoding", "refresh", "foo", "secret",
                    "x-hub-secret");
            assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("evil"));
            assertThat(answer.headers().allValues("Strict-Transport-Security")).doesNotContain("max-age=0");
        }
    }

    @Test
    void aContentTypeOutsideTheBodyChangesNothing() {
        HubClient.Answer queried = admin.get(account + "/integrations?Content-Type=text/html");
        HubClient.Answer headed = admin.sendWithHeader("GET", account + "/integrations", "Content-Type", "text/html");
        HubClient.Answer accepted = admin.get(account + "/integrations?Accept=application/xml");
        HubClient.Answer webhook = anonymous.postBytes("/webhooks/xero?Content-Type=text/html", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), Map.of());

        for (HubClient.Answer answer : List.of(queried, headed, accepted)) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.json().isArray()).isTrue();
        }
        assertThat(webhook.status()).as("unsigned: " + webhook.text()).isEqualTo(401);
    }

    @Test
    void aQueryNameThatIsNotValidPercentEncodingIsNoServerError() throws IOException {
        // sent by hand: java.net.URI refuses to build such a request
        try (Socket socket = new Socket("localhost", port)) {
            String login = Base64.getEncoder().encodeToString("admin@headers.test:admin-password"
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET " + account + "/integrations?%zz=1&Content-Type=x HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Basic " + login + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).matches("HTTP/1.1 (200|400) .*");
        }
    }

    private static List<String> names(HubClient.Answer answer) {
        return answer.headers().map().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}
