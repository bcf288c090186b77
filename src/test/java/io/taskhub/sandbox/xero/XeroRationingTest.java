package io.taskhub.sandbox.xero;

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

class XeroRationingTest {

    private static final String OTHER_TENANT = "0c9e5b1a-3f4d-4e2a-8b7c-6d5e4f3a2b1c";

    @Test
    void anOrganisationOverItsMinuteIsToldToWaitWhileAnotherIsServed() throws Exception {
        try (XeroSimulator xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(5)
                .withRationing(new Rationing(Duration.ZERO, 0, 3, 2)))) {
            xero.addTenant(OTHER_TENANT, "Other Ltd");
            String token = accessToken(xero);
            for (int i = 0; i < 3; i++) {
                assertThat(RationedCalls.send(contacts(xero, token, XeroSimulator.DEFAULT_TENANT_ID)).status())
                        .isEqualTo(200);
            }

            Answer refused = RationedCalls.send(contacts(xero, token, XeroSimulator.DEFAULT_TENANT_ID));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.response().headers().firstValue("X-Rate-Limit-Problem")).hasValue("minute");
            assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 60L);
            Answer other = RationedCalls.send(contacts(xero, token, OTHER_TENANT));
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.body()).contains(xero.contactId(0));
            assertThat(xero.requests()).isEqualTo(5);
            assertThat(xero.throttled()).isEqualTo(1);
        }
    }

    @Test
    void callsBeyondThoseAllowedAtOnceAreRefusedAndAnswersTakeTheLatency() throws Exception {
        try (XeroSimulator xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(5)
                .withRationing(new Rationing(Duration.ofMillis(300), 0.1, 0, 2)))) {
            List<Answer> answers = RationedCalls.atOnce(3, contacts(xero, accessToken(xero),
                    XeroSimulator.DEFAULT_TENANT_ID));

            assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 200, 429);
            Answer refused = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
            assertThat(refused.response().headers().firstValue("X-Rate-Limit-Problem")).hasValue("concurrent");
            assertThat(refused.retryAfter()).isEqualTo("1");
            assertThat(answers).allSatisfy(a -> assertThat(a.took()).isGreaterThanOrEqualTo(Duration.ofMillis(270)));
        }
    }

    private static HttpRequest contacts(XeroSimulator xero, String token, String tenant) {
        return HttpRequest.newBuilder(URI.create(xero.baseUrl() + "/api.xro/2.0/Contacts"))
                .header("Authorization", "Bearer " + token).header("xero-tenant-id", tenant).GET().build();
    }

    private static String accessToken(XeroSimulator xero) throws Exception {
        Answer answer = RationedCalls.send(HttpRequest.newBuilder(URI.create(xero.tokenUrl()))
                .header("Authorization", RationedCalls.basic(XeroSimulator.DEFAULT_CLIENT_ID,
                        XeroSimulator.DEFAULT_CLIENT_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + URLEncoder.encode(xero.issueRefreshToken(), StandardCharsets.UTF_8))).build());
        return new ObjectMapper().readTree(answer.body()).path("access_token").asText();
    }
}
