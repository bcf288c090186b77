package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing is throttled per login and, with a larger limit, per address, without bcrypt; a correct login
 * works again after. A login remembered for one client's address answers no guess from another.
 */
@HubTest
@TestPropertySource(properties = {"hub.security.login-failures=3", "hub.security.address-login-failures=6",
        "hub.security.login-failure-window=PT3S"})
class LoginThrottleEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void guessesAreRefusedWith429UntilTheWindowLapses() throws InterruptedException {
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        String account = account(operator, "Guessed", "victim@guessed.test", "other@guessed.test");
        HubClient guesser = HubClient.at(port).as("victim@guessed.test", "a-guess");
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.get(account + "/users").status()).isEqualTo(401);
        }
        HubClient.Answer throttled = guesser.get(account + "/users");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 3);
        HubClient victim = HubClient.at(port).as("victim@guessed.test", "the-real-password");
        assertThat(victim.get(account + "/users").status()).as("even the right password waits").isEqualTo(429);
        // the operator, verified moments ago, is not locked out by guesses from the same address
        assertThat(operator.get("/api/accounts").status()).isEqualTo(200);
        assertThat(HubClient.at(port).as("other@guessed.test", "the-real-password").get(account + "/users").status())
                .as("another user at the guesser's address, below the address's limit").isEqualTo(200);

        Thread.sleep(3100);
        assertThat(victim.get(account + "/users").status()).isEqualTo(200);
    }

    @Test
    void guessesAtManyLoginsFromOneAddressLockThatAddressAtItsOwnLimit() throws Exception {
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        String account = account(operator, "Sprayed", "a@sprayed.test", "b@sprayed.test");
        for (String login : new String[] {"x1@sprayed.test", "x2@sprayed.test", "x3@sprayed.test"}) {
            for (int i = 0; i < 2; i++) {
                assertThat(status("127.0.0.3", login, "a-guess", account)).isEqualTo(401);
            }
        }
        assertThat(status("127.0.0.3", "a@sprayed.test", "the-real-password", account)).as("six failures from here")
                .isEqualTo(429);
        assertThat(status("127.0.0.4", "a@sprayed.test", "the-real-password", account)).as("from elsewhere")
                .isEqualTo(200);
    }

    /** The victim keeps working from its own address; from another, even its right password is refused. */
    @Test
    void aRememberedLoginAnswersNoGuessFromAnotherAddress() throws Exception {
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        String account = account(operator, "Remembered", "ann@remembered.test", "bob@remembered.test");
        assertThat(status("127.0.0.5", "ann@remembered.test", "the-real-password", account)).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(status("127.0.0.6", "ann@remembered.test", "guess-" + i, account)).isEqualTo(401);
        }
        assertThat(status("127.0.0.6", "ann@remembered.test", "the-real-password", account))
                .as("no 200-or-429 oracle for the guesser").isEqualTo(429);
        assertThat(status("127.0.0.5", "ann@remembered.test", "the-real-password", account))
                .as("the client verified before the guessing keeps working").isEqualTo(200);
    }

    private String account(HubClient operator, String name, String... emails) {
        String account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", name)).get("id").asText();
        for (String email : emails) {
            assertThat(operator.post(account + "/users", Map.of("email", email, "role", "REGULAR",
                    "password", "the-real-password")).status()).isEqualTo(201);
        }
        return account;
    }

    /** A GET of the account's users from another loopback address (Linux routes all of 127/8 to loopback). */
    private int status(String from, String login, String password, String account) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            String basic = Base64.getEncoder().encodeToString((login + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + account + "/users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);   // HTTP/1.1 200
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
