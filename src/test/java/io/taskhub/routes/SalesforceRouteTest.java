package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.taskhub.model.Run;
import io.taskhub.model.RunStatus;
import io.taskhub.model.RunTrigger;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.security.CredentialCipher;
import io.taskhub.security.UserDirectory;
import io.taskhub.support.HubTest;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.SyncService;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Salesforce routes against the simulator and the embedded PostgreSQL, below the REST API: each page written
 * as it arrives, the cursor following the pages. The integration is stored without a Quartz trigger, so that only
 * the run started here touches it.
 */
@HubTest
@CamelSpringBootTest
@DisableJmx(false)
class SalesforceRouteTest {

    @Autowired
    CamelContext camel;
    @Autowired
    SyncService syncs;
    @Autowired
    IntegrationRepository integrations;
    @Autowired
    CredentialCipher cipher;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    private final SalesforceSimulator salesforce = SalesforceSimulator.start(
            SalesforceSimulator.Options.defaults().withOpportunities(4100).withCases(10));

    @AfterEach
    void stop() {
        salesforce.close();
    }

    @Test
    void eachPageIsWrittenAsItArrivesAndTheCursorFollows() {
        long account = directory.createAccount("Route test").id();
        byte[] credentials = cipher.seal("{\"clientId\":\"" + SalesforceSimulator.DEFAULT_CLIENT_ID
                + "\",\"clientSecret\":\"" + SalesforceSimulator.DEFAULT_CLIENT_SECRET
                + "\",\"refreshToken\":\"" + SalesforceSimulator.DEFAULT_REFRESH_TOKEN + "\"}");
        long integration = integrations.insert(account, "salesforce", "owner@route.test", credentials,
                Map.of("loginUrl", salesforce.baseUrl()), Map.of(), List.of("opportunities", "cases"), 3600);

        // 4100 opportunities arrive as 2000 + 2000 + 100, the cases as one page
        ManagedRouteMBean writes = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute("sync-write-page");
        long pagesBefore = writes.getExchangesCompleted();
        Run run = syncs.run(syncs.start(integration, RunTrigger.FORCED, false).orElseThrow().runId());

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
}
