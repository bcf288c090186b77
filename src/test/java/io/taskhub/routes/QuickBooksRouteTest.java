package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.taskhub.model.Run;
import io.taskhub.model.RunStatus;
import io.taskhub.sandbox.quickbooks.QuickBooksEntity;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.support.HubTest;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The QuickBooks routes against the simulator and the embedded PostgreSQL, below the REST API: the page-import
 * template pages each type into the read copy through the named steps Hawtio shows, then what changed since, with
 * change data capture for the deletions, a refused access token tried once more with a fresh one and Intuit's own
 * failure (a SystemFault, even in a 200) retried; a full
 * reconciliation whose pages shifted asks for what it did not see by id before it deletes.
 */
@HubTest
@CamelSpringBootTest
@DisableJmx(false)
class QuickBooksRouteTest extends ProviderRouteTest {

    private static final List<String> TYPES = List.of("customers", "invoices", "payments", "estimates");

    // hub.quickbooks.page-size is 1000: 1,100 of each entity are two pages each
    private final QuickBooksSimulator quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
            .withSize(1100));

    @AfterEach
    void stop() {
        quickbooks.close();
    }

    @Test
    void eachTypeIsPagedIntoTheReadCopyThenWhatChangedIsRead() {
        long integration = quickbooksIntegration();
        long storedBefore = completed("quickbooks-store-page");

        Run full = sync(integration, false);

        assertThat(full.status()).as(String.valueOf(full.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(full.counts().fetched()).isEqualTo(4 * 1100);
        assertThat(completed("quickbooks-store-page") - storedBefore).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(*) from qb_customer where integration_id = ?", Integer.class,
                integration)).isEqualTo(1100);
        assertThat(jdbc.queryForObject("select count(*) from qb_document where integration_id = ?", Integer.class,
                integration)).isEqualTo(3 * 1100);
        assertThat(jdbc.queryForList("select type from sync_cursor where integration_id = ?", String.class,
                integration)).containsExactlyInAnyOrderElementsOf(TYPES);
        assertThat(quickbooks.requestLog()).anyMatch(r -> r.contains("startposition%201001%20maxresults%201000"));

        quickbooks.expireAccessTokens();
        quickbooks.resetCounters();
        Run incremental = sync(integration, false);

        assertThat(incremental.status()).as(String.valueOf(incremental.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(incremental.counts().fetched()).isZero();
        assertThat(quickbooks.tokenRequestCount()).as("one fresh token after the refused one").isEqualTo(1);
        assertThat(quickbooks.requestLog()).anyMatch(r -> r.contains("/cdc?") && r.contains("changedSince="));
    }

    @Test
    void aFullReconciliationWhosePagesShiftedDeletesOnlyWhatQuickBooksNoLongerHas() {
        long integration = quickbooksIntegration(List.of("customers"));
        assertThat(sync(integration, false).status()).isEqualTo(RunStatus.SUCCEEDED);

        // customer 1099 is deleted before the run; customer 0 once page 1 (customers 0 to 999) was read, so that
        // customer 1000 moves onto page 1 and goes unseen
        String deleted = quickbooks.id(QuickBooksEntity.CUSTOMER, 1099);
        String shifted = quickbooks.id(QuickBooksEntity.CUSTOMER, 1000);
        quickbooks.delete(deleted);
        quickbooks.deleteWhilePaging(quickbooks.id(QuickBooksEntity.CUSTOMER, 0));
        long confirmedBefore = completed("quickbooks-confirm-by-id");
        Run full = sync(integration, true);

        assertThat(full.status()).as(String.valueOf(full.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(full.counts().fetched()).isEqualTo(1098);
        assertThat(full.counts().archived()).isEqualTo(1);
        assertThat(completed("quickbooks-confirm-by-id") - confirmedBefore).as("both asked for at once").isEqualTo(1);
        assertThat(jdbc.queryForList("select customer_id from qb_customer where integration_id = ?", String.class,
                integration)).hasSize(1099).contains(shifted).doesNotContain(deleted);
    }

    @Test
    void aSystemFaultInsideAnOkIsRetriedWhileAValidationFaultFailsTheRun() {
        long integration = quickbooksIntegration(List.of("customers"));
        quickbooks.failNextRequests(1, 200);

        Run retried = sync(integration, false);

        assertThat(retried.status()).as(String.valueOf(retried.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(retried.counts().fetched()).isEqualTo(1100);

        quickbooks.faultNextRequests(1, 200, "4000", "Error parsing query");
        Run refused = sync(integration, true);

        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.error()).contains("QuickBooks refused GET query").contains("code 4000");
    }

    private long quickbooksIntegration() {
        return quickbooksIntegration(TYPES);
    }

    private long quickbooksIntegration(List<String> types) {
        return insert("QuickBooks route", "quickbooks", "{\"clientId\":\"" + QuickBooksSimulator.DEFAULT_CLIENT_ID
                + "\",\"clientSecret\":\"" + QuickBooksSimulator.DEFAULT_CLIENT_SECRET + "\",\"refreshToken\":\""
                + quickbooks.issueRefreshToken() + "\",\"realmId\":\"" + quickbooks.realmId() + "\"}",
                Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl()), Map.of(), types);
    }
}
