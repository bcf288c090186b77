package io.taskhub.sandbox.insightly;

import io.taskhub.sandbox.RationedCalls;
import io.taskhub.sandbox.RationedCalls.Answer;
import io.taskhub.sandbox.Rationing;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InsightlyRationingTest {

    private static final String OTHER_KEY = "another-customers-api-key";

    @Test
    void anApiKeyOverItsMinuteIsToldToWaitWhileAnotherIsServed() {
        try (InsightlySimulator insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults()
                .withSize(5).withRationing(new Rationing(Duration.ZERO, 0, 3, 2)))) {
            insightly.addApiKey(OTHER_KEY);
            for (int i = 0; i < 3; i++) {
                assertThat(RationedCalls.send(contacts(insightly, InsightlySimulator.DEFAULT_API_KEY)).status())
                        .isEqualTo(200);
            }

            Answer refused = RationedCalls.send(contacts(insightly, InsightlySimulator.DEFAULT_API_KEY));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("\"Message\"");
            assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 60L);
            Answer other = RationedCalls.send(contacts(insightly, OTHER_KEY));
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.body()).contains("CONTACT_ID");
            assertThat(insightly.requests()).isEqualTo(5);
            assertThat(insightly.throttled()).isEqualTo(1);
        }
    }

    @Test
    void callsBeyondThoseAllowedAtOnceAreRefusedAndAnswersTakeTheLatency() {
        try (InsightlySimulator insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults()
                .withSize(5).withRationing(new Rationing(Duration.ofMillis(300), 0.1, 0, 2)))) {
            List<Answer> answers = RationedCalls.atOnce(3, contacts(insightly, InsightlySimulator.DEFAULT_API_KEY));

            assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 200, 429);
            assertThat(answers).allSatisfy(a -> assertThat(a.took()).isGreaterThanOrEqualTo(Duration.ofMillis(270)));
        }
    }

    private static HttpRequest contacts(InsightlySimulator insightly, String apiKey) {
        return HttpRequest.newBuilder(URI.create(insightly.baseUrl() + "/Contacts?top=2"))
                .header("Authorization", RationedCalls.basic(apiKey, "")).GET().build();
    }
}
