package io.taskhub.provider.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.taskhub.config.HttpProperties;
import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.RefreshTokenRotation;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.security.EndpointPolicy;
import io.taskhub.sync.ComponentSession;
import io.taskhub.sync.SessionPool;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import io.taskhub.support.Poll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions against the simulator in a bare CamelContext: one login per org, nothing stopped under a run. */
class SalesforceSessionsTest {

    private static final String TOKEN = SalesforceSimulator.DEFAULT_REFRESH_TOKEN;

    private final SalesforceSimulator salesforce = SalesforceSimulator.start();
    private final CamelContext camel = new DefaultCamelContext();
    private final StoredRefreshTokens rotations = new StoredRefreshTokens();
    private final SalesforceSessions sessions = new SalesforceSessions(camel,
            new SalesforceProperties("61.0", salesforce.baseUrl(), Set.of(), Duration.ZERO, 1, 200_000, 50_000,
                    Duration.ofSeconds(2), Duration.ofSeconds(30)),
            new HttpProperties(10_000, 60_000, 120_000), rotations, new EndpointPolicy("localhost,127.0.0.1"));

    @AfterEach
    void tearDown() throws Exception {
        camel.close();
        salesforce.close();
    }

    @Test
    void twoRunsOfOneOrgLogInOnce() {
        salesforce.delayTokens(Duration.ofMillis(300));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        var first = CompletableFuture.supplyAsync(() -> sessions.acquire(1, connection(TOKEN)), threads);
        var second = CompletableFuture.supplyAsync(() -> sessions.acquire(1, connection(TOKEN)), threads);
        assertThat(first.join().session().name()).isEqualTo(second.join().session().name());
        assertThat(salesforce.tokenRequestCount()).isEqualTo(1);
        threads.shutdown();
    }

    /** The session's component once it has gone, or still there after a few seconds. */
    private Object stopped(SessionPool.Held<ComponentSession> held) {
        return Poll.until(() -> camel.hasComponent(held.session().name()), component -> component == null, Duration.ofSeconds(5));
    }

    @Test
    void aComponentInUseOutlivesTheBoundAndGoesOnceIdle() {
        var one = sessions.acquire(1, connection(TOKEN));
        var two = sessions.acquire(2, connection(TOKEN));
        assertThat(camel.hasComponent(one.session().name())).isNotNull();
        sessions.release(one);
        assertThat(stopped(one)).isNull(); // it logs out on a closer thread
        assertThat(camel.hasComponent(two.session().name())).isNotNull();
    }

    @Test
    void newCredentialsReplaceTheComponentOnceItsRunEnds() {
        salesforce.registerClient(SalesforceSimulator.DEFAULT_CLIENT_ID, SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                "second-token");
        var old = sessions.acquire(1, connection(TOKEN));
        var renewed = sessions.acquire(1, connection("second-token"));
        assertThat(renewed.session().name()).isNotEqualTo(old.session().name());
        assertThat(camel.hasComponent(old.session().name())).isNotNull();
        sessions.release(old);
        assertThat(stopped(old)).isNull();
        assertThat(camel.hasComponent(renewed.session().name())).isNotNull();
    }

    @Test
    void eachRotatedRefreshTokenIsHandedOnAndPresentedAtTheNextLogin() {
        camel.start();
        salesforce.rotateRefreshTokens(true);
        var held = sessions.acquire(1, connection(TOKEN));
        assertThat(rotations.spent).containsExactly(TOKEN);
        String first = rotations.fresh.get(0);

        // a lapsed session: camel-salesforce logs in again on the 401, with the token the first login answered
        salesforce.expireSessions();
        camel.createProducerTemplate().requestBody(held.session().name() + ":query?rawPayload=true",
                "SELECT COUNT() FROM Opportunity", String.class);
        assertThat(rotations.spent).containsExactly(TOKEN, first);

        // the stored credentials now hold the newest token: the same grant, no new login
        String newest = rotations.fresh.get(1);
        assertThat(sessions.acquire(1, connection(newest)).session().name()).isEqualTo(held.session().name());
        assertThat(salesforce.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void anEnableCheckPutsTheRotatedTokenIntoTheConnection() {
        salesforce.rotateRefreshTokens(true);
        Provider.Connection connection = connection(TOKEN);
        sessions.verify(connection);
        String rotated = connection.credential("refreshToken");
        assertThat(rotated).isNotEqualTo(TOKEN);
        sessions.verify(connection(rotated)); // the presented token is dead, its successor logs in
        assertThat(rotations.handedOver).containsEntry(TOKEN, rotated);
    }

    /** Rotations kept in memory, as the database would keep them. */
    private static final class StoredRefreshTokens implements RefreshTokenRotation {
        private final List<String> spent = new CopyOnWriteArrayList<>();
        private final List<String> fresh = new CopyOnWriteArrayList<>();
        private final Map<String, String> handedOver = new ConcurrentHashMap<>();

        @Override
        public String current(long integrationId, String stored) {
            return stored;
        }

        @Override
        public void rotated(long integrationId, String spentToken, String freshToken) {
            spent.add(spentToken);
            fresh.add(freshToken);
        }

        @Override
        public String handedOver(String tokenUrl, String clientId, String presented) {
            return presented;
        }

        @Override
        public void handOver(String tokenUrl, String clientId, String presented, String successor) {
            handedOver.put(presented, successor);
        }
    }

    private Provider.Connection connection(String refreshToken) {
        return new Provider.Connection(new HashMap<>(Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", refreshToken)),
                Map.of("loginUrl", salesforce.baseUrl()), Map.of());
    }
}
