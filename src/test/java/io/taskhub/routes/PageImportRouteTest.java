package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.taskhub.model.Run;
import io.taskhub.model.RunStatus;
import io.taskhub.model.RunTrigger;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.security.CredentialCipher;
import io.taskhub.security.UserDirectory;
import io.taskhub.support.HubTest;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.SyncService;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The page-import template as Insightly's and Xero's route files instantiate it, against their simulators and the
 * embedded PostgreSQL: each page goes through the named steps Hawtio shows ({provider}-fetch-page, -map-page,
 * -store-page) once, and the type's cursor lands with the last page. Integrations are stored without a Quartz
 * trigger, so that only the run started here touches them.
 */
@HubTest
@CamelSpringBootTest
@DisableJmx(false)
class PageImportRouteTest {

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

    @Test
    void insightlyPagesGoThroughTheNamedStepsOnceEach() {
        // hub.insightly.page-size is 500: 1,200 contacts are three pages
        try (InsightlySimulator insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults()
                .withSize(0).withCount(InsightlyType.CONTACTS, 1200))) {
            long integration = insert("Insightly route", "insightly", "{\"apiKey\":\""
                    + InsightlySimulator.DEFAULT_API_KEY + "\",\"pod\":\"na1\"}",
                    Map.of("baseUrl", insightly.baseUrl()), Map.of(), List.of("contacts"));
            Map<String, Long> before = completed("insightly");

            Run run = syncs.run(syncs.start(integration, RunTrigger.FORCED, false).orElseThrow().runId());

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.counts().created()).isEqualTo(1200);
            assertThat(delta(before, completed("insightly"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "insightly-fetch-page", 3L, "insightly-map-page", 3L, "insightly-store-page", 3L));
            assertThat(cursor(integration, "contacts")).isNotNull();
        }
    }

    @Test
    void xeroPagesGoThroughTheNamedStepsOnceEach() {
        // hub.xero.page-size is 100: 250 contacts are three pages, the last one short
        try (XeroSimulator xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(250))) {
            long integration = insert("Xero route", "xero", "{\"clientId\":\"" + XeroSimulator.DEFAULT_CLIENT_ID
                    + "\",\"clientSecret\":\"" + XeroSimulator.DEFAULT_CLIENT_SECRET + "\",\"refreshToken\":\""
                    + xero.issueRefreshToken() + "\"}", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                    Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                            "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT), List.of("contacts"));
            Map<String, Long> before = completed("xero");

            Run run = syncs.run(syncs.start(integration, RunTrigger.FORCED, false).orElseThrow().runId());

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.counts().created()).isEqualTo(250);
            assertThat(delta(before, completed("xero"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "xero-fetch-page", 3L, "xero-map-page", 3L, "xero-store-page", 3L));
            assertThat(cursor(integration, "contacts")).isNotNull();
        }
    }

    private Map<String, Long> completed(String provider) {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        return Map.of(provider + "-fetch-page", count(managed, provider + "-fetch-page"),
                provider + "-map-page", count(managed, provider + "-map-page"),
                provider + "-store-page", count(managed, provider + "-store-page"));
    }

    private static long count(ManagedCamelContext managed, String step) {
        assertThat(managed.getManagedProcessor(step)).as("the step " + step + " in Hawtio").isNotNull();
        return managed.getManagedProcessor(step).getExchangesCompleted();
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                step -> step.getValue() - before.get(step.getKey())));
    }

    private String cursor(long integration, String type) {
        return jdbc.queryForList("select position from sync_cursor where integration_id = ? and type = ?",
                String.class, integration, type).stream().findFirst().orElse(null);
    }

    private long insert(String accountName, String provider, String credentials, Map<String, String> endpoint,
                        Map<String, Object> settings, List<String> types) {
        long account = directory.createAccount(accountName).id();
        long id = integrations.nextId();
        integrations.insert(id, account, provider, "owner@route.test", cipher.seal(id, credentials), endpoint,
                settings, types, 3600);
        return id;
    }
}
