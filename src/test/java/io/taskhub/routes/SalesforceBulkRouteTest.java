package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.taskhub.model.Run;
import io.taskhub.model.RunStatus;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubTest;
import io.taskhub.sync.ExportChoice;
import io.taskhub.sync.ExportJob;
import org.apache.camel.Exchange;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Full syncs of a large type through a Bulk API 2.0 query job, against the simulator and the embedded PostgreSQL:
 * the same rows as REST pages store, REST kept for incremental syncs and small types, a failed results set fetched
 * again. The threshold is low (1,000) and the results sets small (1,500), so that 4,100 opportunities take three.
 */
@HubTest
@CamelSpringBootTest
@TestPropertySource(properties = {"hub.salesforce.bulk-threshold=1000", "hub.salesforce.bulk-page-size=1500",
        "hub.salesforce.bulk-poll-delay=20ms", "hub.salesforce.bulk-poll-max-delay=100ms"})
class SalesforceBulkRouteTest extends ProviderRouteTest {

    private static final String ROWS = "select type, external_id, name, status, coalesce(archived_reason, '-'), "
            + "external_updated_at from task where integration_id = ?"
            + " and kind = 'TASK' and type <> 'list' order by type, external_id";

    @MockitoSpyBean
    ExportChoice exportChoice;

    /** The REST path for a full sync of the same org: the choice as it were above the count. */
    private final Answer<Void> keepRest = call -> {
        call.callRealMethod();
        call.<Exchange>getArgument(0).removeVariable(ExportJob.VARIABLE);
        return null;
    };

    private final SalesforceSimulator salesforce = SalesforceSimulator.start(
            SalesforceSimulator.Options.defaults().withOpportunities(4100).withCases(10));

    @AfterEach
    void stop() {
        salesforce.close();
    }

    @Test
    void aBulkFullSyncStoresTheRowsARestFullSyncStores() throws Exception {
        salesforce.processBulkJobsFor(Duration.ofMillis(150));
        salesforce.delete(salesforce.opportunityId(5));
        salesforce.delete(salesforce.caseId(2));
        salesforce.update(salesforce.opportunityId(7), Map.of("Name", "Acme, \"big\"\nrenewal"));
        long bulk = salesforceIntegration("Bulk");
        long rest = salesforceIntegration("Rest");

        Run bulkRun = full(bulk);
        int bulkRequests = salesforce.bulkRequestCount();
        int bulkQueries = salesforce.queryRequestCount();
        salesforce.resetCounters();
        doAnswer(keepRest).when(exportChoice).choose(any(), any(), anyLong());
        Run restRun = full(rest);
        reset(exportChoice);

        assertThat(bulkRun.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(restRun.status()).isEqualTo(RunStatus.SUCCEEDED);
        // create, at least one state, three results sets; the cases (10) stayed on REST
        assertThat(bulkRequests).isBetween(5, 10);
        assertThat(salesforce.bulkRequestCount()).isZero();
        List<List<Object>> bulkRows = rows(bulk);
        assertThat(bulkRows).hasSize(4110).isEqualTo(rows(rest));
        assertThat(bulkRun.counts()).isEqualTo(restRun.counts());
        assertThat(row(bulk, salesforce.opportunityId(5))).containsExactly("ARCHIVED", "DELETED");
        assertThat(row(bulk, salesforce.caseId(2))).containsExactly("ARCHIVED", "DELETED");
        assertThat(jdbc.queryForObject("select name from task where integration_id = ? and external_id = ?",
                String.class, bulk, salesforce.opportunityId(7))).isEqualTo("Acme, \"big\"\nrenewal");
        assertThat(cursor(bulk)).isEqualTo(cursor(rest));
        System.out.printf("4,110 records: %d requests with Bulk (%d of them Bulk), %d with REST%n", bulkQueries,
                bulkRequests, salesforce.queryRequestCount());
    }

    @Test
    void incrementalSyncsAndSmallTypesStayOnRest() {
        long integration = salesforceIntegration("Incremental");
        assertThat(full(integration).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(salesforce.soqlLog()).noneMatch(soql -> soql.contains("FROM Case") && !soql.contains("ORDER BY")
                && !soql.contains("COUNT()"));
        String cursor = cursor(integration);
        // the cursor is the latest stamp of the unordered rows: the last generated record's
        assertThat(cursor).isEqualTo(salesforce.record(salesforce.opportunityId(4099)).get("SystemModstamp")
                .toString().replace(".000+0000", "Z"));
        salesforce.update(salesforce.opportunityId(1), Map.of("Name", "Renamed"));
        salesforce.resetCounters();

        Run incremental = sync(integration, false);

        assertThat(incremental.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(incremental.counts().updated()).isEqualTo(1);
        assertThat(salesforce.bulkRequestCount()).isZero();
        assertThat(salesforce.soqlLog()).noneMatch(soql -> soql.contains("COUNT()"));
    }

    @Test
    void aResultsSetThatFailsOnceIsFetchedAgainAndNothingIsLostOrDoubled() {
        salesforce.failBulkResults(1, 1, 503, "[{\"errorCode\":\"SERVER_UNAVAILABLE\",\"message\":\"busy\"}]");
        long integration = salesforceIntegration("Retry");

        Run run = full(integration);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts().created()).isEqualTo(4110);
        assertThat(jdbc.queryForObject("select count(distinct external_id) from task where integration_id = ? "
                + "and type = 'opportunities'", Integer.class, integration)).isEqualTo(4100);
    }

    @Test
    void aFailedJobFailsTheRunClearlyAndLeavesTheCursorWhereItWas() {
        long integration = salesforceIntegration("Failed job");
        assertThat(full(integration).status()).isEqualTo(RunStatus.SUCCEEDED);
        String cursor = cursor(integration);
        salesforce.update(salesforce.opportunityId(1), Map.of("Name", "Renamed"));
        salesforce.endBulkJobsAs("Failed");

        Run failed = full(integration);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("Bulk API 2.0 query job").contains("FAILED");
        assertThat(cursor(integration)).isEqualTo(cursor);
    }

    private Run full(long integration) {
        return sync(integration, true);
    }

    private List<List<Object>> rows(long integration) {
        return jdbc.query(ROWS, (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), String.valueOf(rs.getTimestamp(6))), integration);
    }

    private List<String> row(long integration, String externalId) {
        return jdbc.queryForObject("select status, archived_reason from task where integration_id = ? "
                + "and external_id = ?", (rs, i) -> List.of(rs.getString(1), rs.getString(2)), integration, externalId);
    }

    private String cursor(long integration) {
        return cursor(integration, "opportunities");
    }

    private long salesforceIntegration(String accountName) {
        return insert(accountName, "salesforce", "{\"clientId\":\"" + SalesforceSimulator.DEFAULT_CLIENT_ID
                + "\",\"clientSecret\":\"" + SalesforceSimulator.DEFAULT_CLIENT_SECRET
                + "\",\"refreshToken\":\"" + SalesforceSimulator.DEFAULT_REFRESH_TOKEN + "\"}",
                Map.of("loginUrl", salesforce.baseUrl()), Map.of(), List.of("opportunities", "cases"));
    }
}
