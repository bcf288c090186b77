package io.taskhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An allowed host (the test profile allows localhost) that sends the hub elsewhere: a redirect, or a Salesforce
 * login answer whose {@code instance_url} names another host. The thief at 127.0.0.2, a host no rule allows, must
 * receive nothing: no client secret, no refresh token, no access token; and the client gets the hub's words.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderRedirectsEndToEndTest {

    private static final String SECRET = "TOPSECRET-client-secret";
    private static final String REFRESH = "TOPSECRET-refresh-token";

    @LocalServerPort
    int port;

    WireMockServer thief;
    WireMockServer relay;
    HubClient admin;
    String account;

    @BeforeAll
    void setUp() {
        thief = new WireMockServer(options().bindAddress("127.0.0.2").dynamicPort());
        thief.start();
        thief.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type",
                "application/json").withBody(tokenAnswer("http://127.0.0.2:" + thief.port() + "/instance"))));
        String elsewhere = "http://127.0.0.2:" + thief.port() + "/stolen";
        relay = new WireMockServer(options().dynamicPort());
        relay.start();
        relay.stubFor(any(urlPathMatching("/r307/.*")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", elsewhere)));
        relay.stubFor(any(urlPathMatching("/r302/.*")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere)));
        relay.stubFor(any(urlPathMatching("/liar/services/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(tokenAnswer("http://127.0.0.2:" + thief.port() + "/instance"))));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Redirects")).get("id").asText();
        operator.post(account + "/users", Map.of("email", "admin@redirects.test", "role", "ADMINISTRATOR",
                "password", "admin-password"));
        admin = HubClient.at(port).as("admin@redirects.test", "admin-password");
    }

    @AfterAll
    void tearDown() {
        thief.stop();
        relay.stop();
    }

    @Test
    void noSalesforceLoginFollowsARedirectOrAnInstanceUrlToAnotherHost() {
        for (String login : new String[] {"/r307", "/r302", "/liar"}) {
            HubClient.Answer refused = admin.post(account + "/integrations", Map.of("provider", "salesforce",
                    "credentials", Map.of("clientId", "client", "clientSecret", SECRET, "refreshToken", REFRESH),
                    "endpoint", Map.of("loginUrl", relay.baseUrl() + login)));
            assertThat(refused.status()).as(login + " " + refused.text()).isIn(422, 502);
            assertThat(refused.text()).doesNotContain("TOPSECRET");
        }
        assertThat(thief.getAllServeEvents()).as("what reached the thief").isEmpty();
        assertThat(admin.get(account + "/integrations").json().size()).isZero();
    }

    @Test
    void noOtherProvidersCallFollowsARedirectEither() {
        HubClient.Answer xero = admin.post(account + "/integrations", Map.of("provider", "xero",
                "credentials", Map.of("clientId", "client", "clientSecret", SECRET, "refreshToken", REFRESH),
                "endpoint", Map.of("baseUrl", relay.baseUrl() + "/r307", "tokenUrl",
                        relay.baseUrl() + "/r307/connect/token"),
                "settings", Map.of("revenueAccountCode", "200", "expenseAccountCode", "400")));
        HubClient.Answer insightly = admin.post(account + "/integrations", Map.of("provider", "insightly",
                "credentials", Map.of("apiKey", SECRET, "pod", "na1"),
                "endpoint", Map.of("baseUrl", relay.baseUrl() + "/r302")));
        for (HubClient.Answer refused : new HubClient.Answer[] {xero, insightly}) {
            assertThat(refused.status()).as(refused.text()).isIn(422, 502);
            assertThat(refused.text()).doesNotContain("TOPSECRET");
        }
        assertThat(thief.getAllServeEvents()).as("what reached the thief").isEmpty();
    }

    /** A token answer as Salesforce writes it, its instance at {@code instanceUrl}. */
    private static String tokenAnswer(String instanceUrl) {
        return "{\"access_token\":\"00D000000000001!AQ0AQ\",\"instance_url\":\"" + instanceUrl + "\",\"id\":\""
                + "https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA\",\"token_type\":\"Bearer\","
                + "\"issued_at\":\"1764700000000\",\"signature\":\"c2lnbmF0dXJl\"}";
    }
}
