package io.taskhub.sandbox.quickbooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.sandbox.RationedCalls;
import io.taskhub.sandbox.RationedCalls.Answer;
import io.taskhub.sandbox.Rationing;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuickBooksRationingTest {

    private static final String OTHER_REALM = "9341453050999999";

    @Test
    void aCompanyOverItsMinuteIsThrottledWhileAnotherIsServed() throws Exception {
        try (QuickBooksSimulator quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
                .withSize(5).withRationing(new Rationing(Duration.ZERO, 0, 3, 2)))) {
            quickbooks.addCompany(OTHER_REALM);
            String token = accessToken(quickbooks);
            for (int i = 0; i < 3; i++) {
                assertThat(RationedCalls.send(customers(quickbooks, token, quickbooks.realmId())).status())
                        .isEqualTo(200);
            }

            Answer refused = RationedCalls.send(customers(quickbooks, token, quickbooks.realmId()));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("\"code\":\"3001\"", "ThrottleExceeded");
            assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 60L);
            Answer other = RationedCalls.send(customers(quickbooks, token, OTHER_REALM));
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.body()).contains("\"Customer\"");
            assertThat(quickbooks.requests()).isEqualTo(5);
            assertThat(quickbooks.throttled()).isEqualTo(1);
        }
    }

    @Test
    void callsBeyondThoseAllowedAtOnceAreThrottledAndAnswersTakeTheLatency() throws Exception {
        try (QuickBooksSimulator quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
                .withSize(5).withRationing(new Rationing(Duration.ofMillis(300), 0.1, 0, 2)))) {
            List<Answer> answers = RationedCalls.atOnce(3, customers(quickbooks, accessToken(quickbooks),
                    quickbooks.realmId()));

            assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 200, 429);
            assertThat(answers).allSatisfy(a -> assertThat(a.took()).isGreaterThanOrEqualTo(Duration.ofMillis(270)));
        }
    }

    private static HttpRequest customers(QuickBooksSimulator quickbooks, String token, String realmId) {
        String query = URLEncoder.encode("select * from Customer", StandardCharsets.UTF_8).replace("+", "%20");
        return HttpRequest.newBuilder(URI.create(quickbooks.baseUrl() + "/v3/company/" + realmId + "/query?query="
                + query)).header("Authorization", "Bearer " + token).header("Accept", "application/json").GET()
                .build();
    }

    private static String accessToken(QuickBooksSimulator quickbooks) throws Exception {
        Answer answer = RationedCalls.send(HttpRequest.newBuilder(URI.create(quickbooks.tokenUrl()))
                .header("Authorization", RationedCalls.basic(QuickBooksSimulator.DEFAULT_CLIENT_ID,
                        QuickBooksSimulator.DEFAULT_CLIENT_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + URLEncoder.encode(quickbooks.issueRefreshToken(), StandardCharsets.UTF_8))).build());
        return new ObjectMapper().readTree(answer.body()).path("access_token").asText();
    }
}
