package io.taskhub.provider.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.taskhub.config.HttpProperties;
import io.taskhub.provider.Provider;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
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
    private final SalesforceSessions sessions = new SalesforceSessions(camel,
            new SalesforceProperties("61.0", salesforce.baseUrl(), Set.of(), Duration.ZERO, 1, 200_000, 50_000,
                    Duration.ofSeconds(2), Duration.ofSeconds(30)),
            new HttpProperties(10_000, 60_000, 120_000));

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
        assertThat(first.join().name).isEqualTo(second.join().name);
        assertThat(salesforce.tokenRequestCount()).isEqualTo(1);
        threads.shutdown();
    }

    /** The session's component once it has gone, or still there after a few seconds. */
    private Object stopped(OrgSession session) {
        return Poll.until(() -> camel.hasComponent(session.name), component -> component == null, Duration.ofSeconds(5));
    }

    @Test
    void aComponentInUseOutlivesTheBoundAndGoesOnceIdle() {
        OrgSession one = sessions.acquire(1, connection(TOKEN));
        OrgSession two = sessions.acquire(2, connection(TOKEN));
        assertThat(camel.hasComponent(one.name)).isNotNull();
        sessions.release(one);
        assertThat(stopped(one)).isNull(); // it logs out on a closer thread
        assertThat(camel.hasComponent(two.name)).isNotNull();
    }

    @Test
    void newCredentialsReplaceTheComponentOnceItsRunEnds() {
        salesforce.registerClient(SalesforceSimulator.DEFAULT_CLIENT_ID, SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                "second-token");
        OrgSession old = sessions.acquire(1, connection(TOKEN));
        OrgSession renewed = sessions.acquire(1, connection("second-token"));
        assertThat(renewed.name).isNotEqualTo(old.name);
        assertThat(camel.hasComponent(old.name)).isNotNull();
        sessions.release(old);
        assertThat(stopped(old)).isNull();
        assertThat(camel.hasComponent(renewed.name)).isNotNull();
    }

    private Provider.Connection connection(String refreshToken) {
        return new Provider.Connection(Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", refreshToken),
                Map.of("loginUrl", salesforce.baseUrl()), Map.of());
    }
}
