package io.taskhub.provider.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.security.CredentialCipher;
import io.taskhub.security.UserDirectory;
import io.taskhub.support.HubTest;
import io.taskhub.sync.IntegrationRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Refresh-token rotation against the Xero simulator (each refresh token works once) and the real PostgreSQL. */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthTokensTest {

    @Autowired
    OAuthTokens tokens;
    @Autowired
    TokenGrant grant;
    @Autowired
    IntegrationRepository integrations;
    @Autowired
    UserDirectory directory;
    @Autowired
    CredentialCipher cipher;
    @Autowired
    ObjectMapper json;
    @Autowired
    TransactionTemplate transactions;

    XeroSimulator xero;
    TokenEndpoint endpoint;
    long account;
    long integration;
    String presentedRefreshToken;

    @BeforeAll
    void start() {
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(1));
        endpoint = new TokenEndpoint("Xero", xero.tokenUrl());
        account = directory.createAccount("Token store").id();
    }

    @AfterAll
    void stop() {
        xero.close();
    }

    /** A fresh integration whose credentials hold only a refresh token, as after an enable without a check. */
    @BeforeEach
    void newIntegration() throws Exception {
        xero.setAccessTokenLifetime(Duration.ofMinutes(30));
        xero.setTokenLatency(Duration.ZERO);
        presentedRefreshToken = xero.issueRefreshToken();
        Map<String, String> credentials = Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", presentedRefreshToken);
        integration = integrations.nextId();
        integrations.insert(integration, account, "xero-" + System.nanoTime(), "owner@tokens.test",
                cipher.seal(integration, json.writeValueAsString(credentials)), Map.of(), Map.of(),
                List.of("contacts"), 3600);
    }

    @Test
    void theRotatedTokenIsCommittedBeforeTheAccessTokenIsUsedWhateverTheCallerDoes() throws Exception {
        String[] handedOut = new String[1];
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            handedOut[0] = tokens.accessToken(integration, endpoint);
            throw new IllegalStateException("the caller fails after getting its token");
        })).hasMessageContaining("the caller fails");

        Map<String, String> stored = stored();
        assertThat(stored.get("accessToken")).isEqualTo(handedOut[0]);
        assertThat(stored.get("refreshToken")).isNotEqualTo(presentedRefreshToken);
        assertThat(Instant.parse(stored.get("accessTokenExpiresAt")))
                .isBetween(Instant.now().plusSeconds(1700), Instant.now().plusSeconds(1800));
        assertThatThrownBy(() -> grant.refresh(endpoint, XeroSimulator.DEFAULT_CLIENT_ID,
                XeroSimulator.DEFAULT_CLIENT_SECRET, presentedRefreshToken))
                .isInstanceOf(ProviderRejection.class).hasMessageContaining("invalid_grant");

        tokens.discardAccessToken(integration);
        String next = tokens.accessToken(integration, endpoint);
        assertThat(next).isNotEqualTo(handedOut[0]);
        assertThat(stored().get("refreshToken")).isNotEqualTo(stored.get("refreshToken"));
    }

    @Test
    void aStoredAccessTokenIsReusedUntilShortlyBeforeItExpires() {
        String first = tokens.accessToken(integration, endpoint);
        int refreshes = xero.tokenRequestCount();
        assertThat(tokens.accessToken(integration, endpoint)).isEqualTo(first);
        assertThat(xero.tokenRequestCount()).isEqualTo(refreshes);

        xero.setAccessTokenLifetime(Duration.ofSeconds(60)); // shorter than the margin: never good enough to reuse
        tokens.discardAccessToken(integration);
        String second = tokens.accessToken(integration, endpoint);
        String third = tokens.accessToken(integration, endpoint);
        assertThat(third).isNotEqualTo(second);
        assertThat(xero.tokenRequestCount()).isEqualTo(refreshes + 2);
    }

    @Test
    void concurrentCallersOfOneIntegrationMakeOneRefresh() throws Exception {
        xero.setTokenLatency(Duration.ofMillis(300));
        int refreshes = xero.tokenRequestCount();
        int callers = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return tokens.accessToken(integration, endpoint);
                }));
            }
            go.countDown();
            String token = answers.get(0).get();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(token);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(xero.tokenRequestCount()).isEqualTo(refreshes + 1);
    }

    @Test
    void aRefusedRefreshTokenIsARejectionThatChangesNothing() {
        byte[] before = integrations.find(integration).orElseThrow().sealedCredentials();
        xero.revokeRefreshTokens();
        assertThatThrownBy(() -> tokens.accessToken(integration, endpoint))
                .isInstanceOf(ProviderRejection.class)
                .hasMessageContaining("Xero refused the refresh token (invalid_grant)");
        assertThat(integrations.find(integration).orElseThrow().sealedCredentials()).isEqualTo(before);
    }

    @Test
    void aCheckPutsTheRotatedTokenIntoWhatGetsStoredAndARetryCarriesOnFromIt() {
        Map<String, String> credentials = new HashMap<>(Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", presentedRefreshToken));
        Provider.Connection first =
                new Provider.Connection(credentials, Map.of(), Map.of());
        tokens.refreshForCheck(first, endpoint);
        assertThat(first.credential("refreshToken")).isNotEqualTo(presentedRefreshToken);
        assertThat(first.credential("accessToken")).isNotBlank();

        // the enable was then refused for another reason; the same token presented again still works
        Provider.Connection retry = new Provider.Connection(
                new HashMap<>(Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", presentedRefreshToken)),
                Map.of(), Map.of());
        tokens.refreshForCheck(retry, endpoint);
        assertThat(retry.credential("refreshToken")).isNotEqualTo(first.credential("refreshToken"));
    }

    @Test
    void aTokenRotatedByAProvidersOwnLoginIsStoredUnlessNewCredentialsCameMeanwhile() throws Exception {
        tokens.rotated(integration, presentedRefreshToken, "rotated-by-login");
        assertThat(stored().get("refreshToken")).isEqualTo("rotated-by-login");
        assertThat(tokens.current(integration, "rotated-by-login")).isEqualTo("rotated-by-login");

        // an administrator re-enabled with another token meanwhile: a late rotation of the old grant loses
        tokens.rotated(integration, presentedRefreshToken, "late-rotation");
        assertThat(stored().get("refreshToken")).isEqualTo("rotated-by-login");
        assertThat(stored().get("clientId")).isEqualTo(XeroSimulator.DEFAULT_CLIENT_ID);
    }

    private Map<String, String> stored() throws Exception {
        byte[] sealed = integrations.find(integration).orElseThrow().sealedCredentials();
        return json.readValue(cipher.open(integration, sealed), new TypeReference<>() { });
    }
}
