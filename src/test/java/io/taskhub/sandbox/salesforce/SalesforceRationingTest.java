package io.taskhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
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

import static io.taskhub.sandbox.salesforce.SalesforceSimulator.DEFAULT_CLIENT_ID;
import static io.taskhub.sandbox.salesforce.SalesforceSimulator.DEFAULT_CLIENT_SECRET;
import static io.taskhub.sandbox.salesforce.SalesforceSimulator.DEFAULT_REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class SalesforceRationingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachRegisteredClientLogsInToAnOrgOfItsOwn() throws Exception {
        try (SalesforceSimulator salesforce = SalesforceSimulator.start()) {
            salesforce.registerClient("other-app", "other-secret", "other-refresh");

            JsonNode first = login(salesforce, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN);
            JsonNode other = login(salesforce, "other-app", "other-secret", "other-refresh");
            String otherOrg = other.path("id").asText().split("/")[4];
            assertThat(first.path("id").asText()).contains("/id/" + SalesforceIds.ORG_ID + "/");
            assertThat(otherOrg).isNotEqualTo(SalesforceIds.ORG_ID).startsWith("00D").hasSize(18);
            assertThat(other.path("access_token").asText()).startsWith(otherOrg.substring(0, 15) + "!");
        }
    }

    @Test
    void anOrgOverItsMinuteIsRefusedWhileAnotherIsServed() throws Exception {
        try (SalesforceSimulator salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withRationing(new Rationing(Duration.ZERO, 0, 3, 2)))) {
            salesforce.registerClient("other-app", "other-secret", "other-refresh");
            String token = accessToken(salesforce, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN);
            for (int i = 0; i < 3; i++) {
                assertThat(RationedCalls.send(query(salesforce, token)).status()).isEqualTo(200);
            }

            Answer refused = RationedCalls.send(query(salesforce, token));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).path(0).path("errorCode").asText())
                    .isEqualTo("REQUEST_LIMIT_EXCEEDED");
            String otherToken = accessToken(salesforce, "other-app", "other-secret", "other-refresh");
            assertThat(RationedCalls.send(query(salesforce, otherToken)).status()).isEqualTo(200);
            assertThat(salesforce.requests()).isEqualTo(5);
            assertThat(salesforce.throttled()).isEqualTo(1);
        }
    }

    @Test
    void callsBeyondThoseAllowedAtOnceHitTheConcurrentLimitAndAnswersTakeTheLatency() throws Exception {
        try (SalesforceSimulator salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withRationing(new Rationing(Duration.ofMillis(300), 0.1, 0, 2)))) {
            String token = accessToken(salesforce, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN);
            List<Answer> answers = RationedCalls.atOnce(3, query(salesforce, token));

            assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 200, 403);
            Answer refused = answers.stream().filter(a -> a.status() == 403).findFirst().orElseThrow();
            assertThat(refused.body()).contains("ConcurrentRequests", "REQUEST_LIMIT_EXCEEDED");
            assertThat(answers).allSatisfy(a -> assertThat(a.took()).isGreaterThanOrEqualTo(Duration.ofMillis(270)));
        }
    }

    private static HttpRequest query(SalesforceSimulator salesforce, String token) {
        String soql = URLEncoder.encode("SELECT Id FROM Opportunity", StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/services/data/v"
                + SalesforceSimulator.API_VERSION + "/query?q=" + soql))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private static String accessToken(SalesforceSimulator salesforce, String clientId, String secret,
                                      String refreshToken) throws Exception {
        return login(salesforce, clientId, secret, refreshToken).path("access_token").asText();
    }

    private static JsonNode login(SalesforceSimulator salesforce, String clientId, String secret,
                                  String refreshToken) throws Exception {
        Answer answer = RationedCalls.send(HttpRequest.newBuilder(URI.create(salesforce.baseUrl()
                        + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=" + clientId
                        + "&client_secret=" + secret + "&refresh_token=" + refreshToken)).build());
        return JSON.readTree(answer.body());
    }
}
