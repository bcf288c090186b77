package io.taskhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static io.taskhub.sandbox.salesforce.SalesforceSimulator.DEFAULT_CLIENT_ID;
import static io.taskhub.sandbox.salesforce.SalesforceSimulator.DEFAULT_CLIENT_SECRET;
import static io.taskhub.sandbox.salesforce.SalesforceSimulator.DEFAULT_REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class SalesforceSimulatorOAuthTest {

    private static final String SOQL = "SELECT Id FROM Opportunity LIMIT 1";

    private static SalesforceSimulator simulator;
    private SalesforceTestClient client;

    @BeforeAll
    static void start() {
        simulator = SalesforceSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void newClient() {
        client = new SalesforceTestClient(simulator);
        simulator.resetCounters();
    }

    @Test
    void refreshTokenGrantAnswersSalesforceTokenResponse() {
        long before = System.currentTimeMillis();
        SalesforceTestClient.Reply reply = client.refresh(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET,
                DEFAULT_REFRESH_TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.get("access_token").asText()).startsWith("00D000000000001!").hasSizeGreaterThan(40);
        assertThat(body.get("instance_url").asText()).isEqualTo(simulator.baseUrl());
        assertThat(body.get("id").asText())
                .isEqualTo(simulator.baseUrl() + "/id/00D000000000001AAA/005000000000001AAA");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isEqualTo("api refresh_token");
        assertThat(Long.parseLong(body.get("issued_at").asText())).isBetween(before, System.currentTimeMillis());
        assertThat(Base64.getDecoder().decode(body.get("signature").asText())).hasSize(32);
        assertThat(simulator.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void tokenErrorsUseSalesforceCodes() {
        assertOAuthError(client.refresh("nobody", DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN),
                "invalid_client_id", "client identifier invalid");
        assertOAuthError(client.refresh(DEFAULT_CLIENT_ID, "wrong", DEFAULT_REFRESH_TOKEN),
                "invalid_client", "invalid client credentials");
        assertOAuthError(client.refresh(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, "unknown-token"),
                "invalid_grant", "expired access/refresh token");
        assertOAuthError(client.token(Map.of("grant_type", "password", "client_id", DEFAULT_CLIENT_ID,
                "client_secret", DEFAULT_CLIENT_SECRET, "username", "u", "password", "p")),
                "unsupported_grant_type", "grant type not supported");
        assertThat(simulator.tokenRequestCount()).isEqualTo(4);
    }

    @Test
    void revokedRefreshTokenNoLongerLogsIn() {
        simulator.registerClient("other-app", "other-secret", "other-refresh");
        assertThat(client.refresh("other-app", "other-secret", "other-refresh").status()).isEqualTo(200);

        simulator.revokeRefreshToken("other-refresh");

        assertOAuthError(client.refresh("other-app", "other-secret", "other-refresh"),
                "invalid_grant", "expired access/refresh token");
    }

    @Test
    void refreshTokenOfAnotherClientIsRejected() {
        simulator.registerClient("second-app", "second-secret", "second-refresh");

        assertOAuthError(client.refresh("second-app", "second-secret", DEFAULT_REFRESH_TOKEN),
                "invalid_grant", "expired access/refresh token");
    }

    @Test
    void queryWithoutOrWithUnknownTokenIsUnauthorized() {
        assertInvalidSession(client.query(SOQL));
        client.accessToken = "00D000000000001!made-up";
        assertInvalidSession(client.query(SOQL));
        assertThat(simulator.queryRequestCount()).isEqualTo(2);
    }

    @Test
    void expiredSessionRecoversAfterRefresh() {
        client.login();
        assertThat(client.query(SOQL).status()).isEqualTo(200);

        simulator.expireSessions();
        assertInvalidSession(client.query(SOQL));

        client.login();
        assertThat(client.query(SOQL).status()).isEqualTo(200);
    }

    @Test
    void revokeEndsThatSessionOnly() {
        client.login();
        SalesforceTestClient other = new SalesforceTestClient(simulator).login();

        SalesforceTestClient.Reply revoked = client.revoke(client.accessToken);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).isNull();
        assertInvalidSession(client.query(SOQL));
        assertThat(other.query(SOQL).status()).isEqualTo(200);
        // camel-salesforce revokes its stale token after a 401: that must not fail either
        assertThat(client.revoke(client.accessToken).status()).isEqualTo(200);
    }

    @Test
    void oauthSchemeIsAcceptedToo() {
        client.login();
        client.authScheme = "OAuth";
        SalesforceTestClient.Reply reply = client.get("/services/data/v61.0/query?q=SELECT+Id+FROM+Case+LIMIT+1");
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void unknownResourceIsNotFound() {
        client.login();
        SalesforceTestClient.Reply reply = client.get("/services/data/v61.0/sobjects/Opportunity/describe");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    }

    private static void assertOAuthError(SalesforceTestClient.Reply reply, String error, String description) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).isEqualTo(error);
        assertThat(reply.body().get("error_description").asText()).isEqualTo(description);
    }

    static void assertInvalidSession(SalesforceTestClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().isArray()).isTrue();
        assertThat(reply.body().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
        assertThat(reply.body().get(0).get("message").asText()).isEqualTo("Session expired or invalid");
    }
}
