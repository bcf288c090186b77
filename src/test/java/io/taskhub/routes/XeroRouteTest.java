package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.taskhub.model.Run;
import io.taskhub.model.RunStatus;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubTest;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Xero routes against the simulator and the embedded PostgreSQL, below the REST API: the contacts paged newest
 * first through the named steps Hawtio shows, each call with the organisation's tenant, then only what changed
 * since (If-Modified-Since), an archived contact archiving its task and client; an access token revoked before its
 * time is replaced once within the run.
 */
@HubTest
@CamelSpringBootTest
@DisableJmx(false)
class XeroRouteTest extends ProviderRouteTest {

    // hub.xero.page-size is 100: 250 contacts are three pages
    private final XeroSimulator xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(250));

    @AfterEach
    void stop() {
        xero.close();
    }

    @Test
    void contactsArePagedNewestFirstThenWhatChangedSince() {
        long integration = xeroIntegration();
        long fetchedBefore = completed("xero-fetch-page");

        Run full = sync(integration, false);

        assertThat(full.status()).as(String.valueOf(full.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(full.counts().created()).isEqualTo(250);
        assertThat(completed("xero-fetch-page") - fetchedBefore).isEqualTo(3);
        assertThat(xero.contactsRequests()).allSatisfy(request -> {
            assertThat(request.tenantId()).isEqualTo(XeroSimulator.DEFAULT_TENANT_ID);
            assertThat(request.url()).contains("order=UpdatedDateUTC%20DESC").contains("includeArchived=true");
            assertThat(request.ifModifiedSince()).as("a first sync reads everything").isNull();
        });
        assertThat(count("select count(*) from client where integration_id = ?", integration)).isEqualTo(250);

        String archived = jdbc.queryForObject("select external_id from task where integration_id = ? and kind = 'TASK' "
                + "and status = 'ACTIVE' order by external_id limit 1", String.class, integration);
        xero.archiveContact(archived);
        xero.resetCounters();
        Run incremental = sync(integration, false);

        assertThat(incremental.status()).as(String.valueOf(incremental.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(incremental.counts().archived()).isEqualTo(1);
        assertThat(xero.contactsRequests()).singleElement()
                .satisfies(request -> assertThat(request.ifModifiedSince()).isNotNull());
        assertThat(jdbc.queryForObject("select archived_reason from task where integration_id = ? "
                + "and external_id = ?", String.class, integration, archived)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select archived from client where integration_id = ? and external_id = ?",
                Boolean.class, integration, archived)).isTrue();
    }

    @Test
    void aNotModifiedAnswerIsAPageOfNoneOnlyWhenAskedIfModifiedSince() {
        long integration = xeroIntegration();
        assertThat(sync(integration, false).status()).isEqualTo(RunStatus.SUCCEEDED);
        String cursor = cursor(integration, "contacts");

        xero.resetCounters();
        xero.answerNotModified(1);
        long fetchedBefore = completed("xero-fetch-page");
        Run unchanged = sync(integration, false);

        assertThat(unchanged.status()).as(String.valueOf(unchanged.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(unchanged.counts().created() + unchanged.counts().updated() + unchanged.counts().archived())
                .isZero();
        assertThat(completed("xero-fetch-page") - fetchedBefore).as("nothing changed: one page").isEqualTo(1);
        assertThat(xero.contactsRequestCount()).as("the 304, none after it").isEqualTo(1);
        assertThat(cursor(integration, "contacts")).isEqualTo(cursor);

        // a full reconciliation asks unconditionally: a 304 to it is no answer, fetched again, and archives nothing
        String active = "select count(*) from task where integration_id = ? and kind = 'TASK' and status = 'ACTIVE'";
        int activeBefore = count(active, integration);
        xero.resetCounters();
        xero.answerNotModified(1);
        Run full = sync(integration, true);

        assertThat(full.status()).as(String.valueOf(full.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(full.counts().archived()).isZero();
        assertThat(xero.contactsRequestCount()).as("the 304, then the three pages").isEqualTo(4);
        assertThat(count(active, integration)).isEqualTo(activeBefore);
    }

    @Test
    void anAccessTokenRevokedMidSyncIsReplacedOnceThenARefusalFailsTheRun() {
        long integration = xeroIntegration();
        xero.revokeAccessTokensAfter(1);
        int tokensBefore = xero.tokenRequestCount();

        Run revoked = sync(integration, false);

        assertThat(revoked.status()).as(String.valueOf(revoked.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(revoked.counts().created()).isEqualTo(250);
        assertThat(xero.tokenRequestCount() - tokensBefore).as("the first token, then one fresh one").isEqualTo(2);
        assertThat(xero.contactsRequestCount()).as("three pages, the second twice").isEqualTo(4);

        xero.refuseNextRequests(2);
        Run refused = sync(integration, true);

        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.error()).contains("Xero refused the access token (401): the next sync asks for a new one");
    }

    private int count(String sql, long integration) {
        return jdbc.queryForObject(sql, Integer.class, integration);
    }

    private long xeroIntegration() {
        return insert("Xero route", "xero", "{\"clientId\":\"" + XeroSimulator.DEFAULT_CLIENT_ID
                + "\",\"clientSecret\":\"" + XeroSimulator.DEFAULT_CLIENT_SECRET + "\",\"refreshToken\":\""
                + xero.issueRefreshToken() + "\"}", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                Map.of(), List.of("contacts"));
    }
}
