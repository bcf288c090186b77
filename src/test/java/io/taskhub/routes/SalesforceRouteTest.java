package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.taskhub.model.Run;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.salesforce.SalesforceProvider;
import io.taskhub.model.RunStatus;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubTest;
import io.taskhub.sync.MappedPage;
import io.taskhub.sync.SyncContext;
import org.apache.camel.Exchange;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Salesforce routes against the simulator and the embedded PostgreSQL, below the REST API: each page written
 * as it arrives, the cursor following the pages. The integration is stored without a Quartz trigger, so that only
 * the run started here touches it.
 */
@HubTest
@CamelSpringBootTest
@DisableJmx(false)
class SalesforceRouteTest extends ProviderRouteTest {

    @Autowired
    SalesforceProvider salesforceProvider;

    private final SalesforceSimulator salesforce = SalesforceSimulator.start(
            SalesforceSimulator.Options.defaults().withOpportunities(4100).withCases(10));

    @AfterEach
    void stop() {
        salesforce.close();
    }

    @Test
    void eachPageIsWrittenAsItArrivesAndTheCursorFollows() {
        long integration = salesforceIntegration("Route test");

        // 4100 opportunities arrive as 2000 + 2000 + 100, the cases as one page
        ManagedRouteMBean writes = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute("sync-write-page");
        long pagesBefore = writes.getExchangesCompleted();
        Run run = sync(integration, false);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(writes.getExchangesCompleted() - pagesBefore).isEqualTo(4);
        assertThat(run.counts().created()).isEqualTo(4110);
        assertThat(jdbc.queryForObject("select count(*) from task where integration_id = ? and type = 'opportunities'",
                Integer.class, integration)).isEqualTo(4100);
        String lastStamp = salesforce.record(salesforce.opportunityId(4099)).get("SystemModstamp").toString();
        assertThat(jdbc.queryForObject("select position from sync_cursor where integration_id = ? "
                + "and type = 'opportunities'", String.class, integration))
                .isEqualTo(lastStamp.replace(".000+0000", "Z"));
        assertThat(salesforce.soqlLog()).anyMatch(soql -> soql.contains("FROM Opportunity")
                && soql.endsWith("ORDER BY SystemModstamp, Id"));
    }

    @Test
    void aPageIsNotWrittenOnceAnotherInstanceHoldsTheLease() {
        long integration = salesforceIntegration("Lease test");
        Run first = sync(integration, false);
        String cursor = cursor(integration);
        long root = jdbc.queryForObject("select id from task where integration_id = ? and kind = 'PROJECT'",
                Long.class, integration);
        // this instance stalled; another one took the integration over
        jdbc.update("update integration set lease_owner = 'another-instance', "
                + "lease_until = now() + interval '1 minute' where id = ?", integration);

        SyncContext sync = new SyncContext(first.id(), integration, account(integration), salesforceProvider, null,
                List.of("opportunities"), false, Map.of(), Map.of("opportunities", root));
        MappedPage late = new MappedPage("opportunities", List.of(TaskRecord.of("opportunities", "006LATE",
                "Late deal", null, Instant.parse("2030-01-01T00:00:00Z"))), List.of(), List.of(),
                "2030-01-01T00:00:00Z");
        Exchange written = camel.createFluentProducerTemplate().to("direct:sync-store-page")
                .withProcessor(e -> {
                    e.getIn().setBody(late);
                    e.setProperty(SyncContext.PROPERTY, sync);
                }).send();

        assertThat(written.getException()).hasMessageContaining("lost the lease");
        assertThat(jdbc.queryForObject("select count(*) from task where external_id = '006LATE'", Integer.class))
                .isZero();
        assertThat(cursor(integration)).isEqualTo(cursor);
    }

    private String cursor(long integration) {
        return cursor(integration, "opportunities");
    }

    private long account(long integration) {
        return jdbc.queryForObject("select account_id from integration where id = ?", Long.class, integration);
    }

    private long salesforceIntegration(String accountName) {
        return insert(accountName, "salesforce", "{\"clientId\":\"" + SalesforceSimulator.DEFAULT_CLIENT_ID
                + "\",\"clientSecret\":\"" + SalesforceSimulator.DEFAULT_CLIENT_SECRET
                + "\",\"refreshToken\":\"" + SalesforceSimulator.DEFAULT_REFRESH_TOKEN + "\"}",
                Map.of("loginUrl", salesforce.baseUrl()), Map.of(), List.of("opportunities", "cases"));
    }
}
