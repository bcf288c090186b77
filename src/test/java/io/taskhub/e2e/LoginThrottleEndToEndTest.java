package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Password guessing is throttled per login and per address, without bcrypt, and a correct login works again after. */
@HubTest
@TestPropertySource(properties = {"hub.security.login-failures=3", "hub.security.login-failure-window=PT3S"})
class LoginThrottleEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void guessesAreRefusedWith429UntilTheWindowLapses() throws InterruptedException {
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        String account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Guessed")).get("id").asText();
        assertThat(operator.post(account + "/users", Map.of("email", "victim@guessed.test", "role", "REGULAR",
                "password", "the-real-password")).status()).isEqualTo(201);
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

        Thread.sleep(3100);
        assertThat(victim.get(account + "/users").status()).isEqualTo(200);
    }
}
