package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.taskhub.model.Run;
import io.taskhub.model.RunStatus;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubTest;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;

/**
 * The page-import template as Insightly's and Xero's route files instantiate it, against their simulators and the
 * embedded PostgreSQL: each page goes through the named steps Hawtio shows ({provider}-fetch-page, -map-page,
 * -store-page) once, and the type's cursor lands with the last page. Integrations are stored without a Quartz
 * trigger, so that only the run started here touches them.
 */
@HubTest
@CamelSpringBootTest
@DisableJmx(false)
class PageImportRouteTest extends ProviderRouteTest {

    @Test
    void insightlyPagesGoThroughTheNamedStepsOnceEach() {
        // hub.insightly.page-size is 500: 1,200 contacts are three pages
        try (InsightlySimulator insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults()
                .withSize(0).withCount(InsightlyType.CONTACTS, 1200))) {
            long integration = insert("Insightly route", "insightly", "{\"apiKey\":\""
                    + InsightlySimulator.DEFAULT_API_KEY + "\",\"pod\":\"na1\"}",
                    Map.of("baseUrl", insightly.baseUrl()), Map.of(), List.of("contacts"));
            Map<String, Long> before = steps("insightly");

            Run run = sync(integration, false);

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.counts().created()).isEqualTo(1200);
            assertThat(delta(before, steps("insightly"))).containsExactlyInAnyOrderEntriesOf(Map.of(
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
            Map<String, Long> before = steps("xero");

            Run run = sync(integration, false);

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.counts().created()).isEqualTo(250);
            assertThat(delta(before, steps("xero"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "xero-fetch-page", 3L, "xero-map-page", 3L, "xero-store-page", 3L));
            assertThat(cursor(integration, "contacts")).isNotNull();
        }
    }

    private Map<String, Long> steps(String provider) {
        return Map.of(provider + "-fetch-page", completed(provider + "-fetch-page"),
                provider + "-map-page", completed(provider + "-map-page"),
                provider + "-store-page", completed(provider + "-store-page"));
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                step -> step.getValue() - before.get(step.getKey())));
    }

}
