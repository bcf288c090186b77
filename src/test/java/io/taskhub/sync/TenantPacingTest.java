package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.taskhub.config.PacingProperties;
import io.taskhub.config.PacingProperties.Limit;
import io.taskhub.provider.Provider;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A tenant's runs at once and its calls a minute, shared by whatever runs it; other tenants are not held up. */
class TenantPacingTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final TenantPacing pacing = new TenantPacing(new PacingProperties(new Limit(0, 25), new Limit(600, 10),
            new Limit(2, 1), new Limit(500, 10)), Duration.ofSeconds(30));

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void aSecondRunOfTheSameOrganisationWaitsForTheFirstWhileAnotherOrganisationGoesAhead() throws Exception {
        Exchange first = run(1, "org-a");
        pacing.enter(first);

        CompletableFuture<Void> sameOrg = CompletableFuture.runAsync(() -> enter(run(2, "org-a")));
        CompletableFuture<Void> otherOrg = CompletableFuture.runAsync(() -> enter(run(3, "org-b")));
        otherOrg.get(2, TimeUnit.SECONDS);
        Thread.sleep(200);
        assertThat(sameOrg).isNotDone();

        pacing.leave(first);
        sameOrg.get(2, TimeUnit.SECONDS);
        pacing.leave(first); // leaving twice frees nothing more
    }

    @Test
    void callsWithinTheBudgetGoAtOnceAndOneThatWouldWaitPastTheDeadlineFailsTheRun() throws Exception {
        pacing.pace(new DefaultExchange(camel)); // a check while enabling: no run, no wait
        Exchange run = run(4, "org-c");
        long started = System.nanoTime();
        pacing.pace(run); // Xero here at 2 a minute: two go at once...
        pacing.pace(run);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        // ...and the third would wait a minute, past this run's deadline of 30 s
        assertThatThrownBy(() -> pacing.pace(run)).hasMessageContaining("deadline");
    }

    private void enter(Exchange run) {
        try {
            pacing.enter(run);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Exchange run(long integrationId, String tenant) {
        Map<String, String> credentials = new HashMap<>(Map.of("tenantId", tenant));
        SyncContext sync = new SyncContext(integrationId, integrationId, 1, new Organisations(),
                new Provider.Connection(credentials, Map.of(), Map.of()), List.of("contacts"), false, Map.of(),
                Map.of("contacts", 1L));
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(SyncContext.PROPERTY, sync);
        return exchange;
    }

    /** A provider whose tenant is a credential, as Xero's organisation is. */
    private static final class Organisations implements Provider {
        public String id() {
            return "xero";
        }

        public String displayName() {
            return "Xero";
        }

        public List<String> types() {
            return List.of("contacts");
        }

        public List<String> credentialFields() {
            return List.of("tenantId");
        }

        public String tenantCredential() {
            return "tenantId";
        }

        public List<String> endpointFields() {
            return List.of();
        }

        public List<String> publicDomains() {
            return List.of();
        }

        public void verify(Connection connection) {
        }
    }
}
