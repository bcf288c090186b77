package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "choose what to import" step through the REST API: {@code GET .../types} shows every type of the provider,
 * whether it is selected, how many records the provider holds and how many are imported, and follows a change of
 * the selection.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportChoiceEndToEndTest {

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    InsightlySimulator insightly;
    HubClient admin;
    HubClient regular;
    String account;

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(40)
                .withCases(12));
        insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults().withSize(7));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Choosers")).get("id").asText();
        operator.post(account + "/users", Map.of("email", "ada@choice.test", "name", "Ada", "role", "ADMINISTRATOR",
                "password", "ada-password"));
        operator.post(account + "/users", Map.of("email", "ben@choice.test", "name", "Ben", "role", "REGULAR",
                "password", "ben-password"));
        admin = HubClient.at(port).as("ada@choice.test", "ada-password");
        regular = HubClient.at(port).as("ben@choice.test", "ben-password");
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
        insightly.close();
    }

    @Test
    void typesShowTheSelectionAndWhatIsImported() {
        String integration = account + "/integrations/" + admin.post(account + "/integrations", Map.of(
                "provider", "salesforce", "endpoint", Map.of("loginUrl", salesforce.baseUrl()),
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN))).get("id").asText();
        admin.syncAndWait(integration, "");
        long openOpportunities = activeTasks(integration, "opportunities");
        long openCases = activeTasks(integration, "cases");
        assertThat(openOpportunities).isPositive();

        HubClient.Answer types = regular.get(integration + "/types");
        assertThat(types.status()).as(types.text()).isEqualTo(200);
        assertThat(types.json().size()).isEqualTo(2);
        assertType(types.json().get(0), "opportunities", "Opportunities", true, openOpportunities);
        assertType(types.json().get(1), "cases", "Cases", true, openCases);
        assertThat(types.json().get(0).path("providerCount").asLong()).as("SELECT COUNT() FROM Opportunity")
                .isEqualTo(40);
        assertThat(types.json().get(1).path("providerCount").asLong()).isEqualTo(12);

        assertThat(admin.put(integration + "/types", Map.of("selectedTypes", List.of("opportunities"))).status())
                .isEqualTo(200);
        JsonNode after = regular.get(integration + "/types").json();
        assertType(after.get(0), "opportunities", "Opportunities", true, openOpportunities);
        assertType(after.get(1), "cases", "Cases", false, 0);

        assertThat(regular.get(account + "/integrations/999999/types").status()).isEqualTo(404);
    }

    @Test
    void insightlyCountsEveryTypeWithCountTotal() {
        HubClient.Answer created = admin.post(account + "/integrations", Map.of("provider", "insightly",
                "endpoint", Map.of("baseUrl", insightly.baseUrl()),
                "credentials", Map.of("apiKey", InsightlySimulator.DEFAULT_API_KEY, "pod", "na1")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode types = regular.get(account + "/integrations/" + created.get("id").asText() + "/types").json();
        assertThat(types.size()).isEqualTo(6);
        for (JsonNode type : types) {
            InsightlyType simulated = InsightlyType.valueOf(type.path("type").asText().toUpperCase(Locale.ROOT));
            assertThat(type.path("providerCount").asLong()).as(simulated.name())
                    .isEqualTo(insightly.generated(simulated));
        }
    }

    private long activeTasks(String integration, String type) {
        String id = integration.substring(integration.lastIndexOf('/') + 1);
        return admin.tasks(account, "integrationId=" + id + "&type=" + type + "&size=1").path("total").asLong();
    }

    private static void assertType(JsonNode type, String id, String name, boolean selected, long imported) {
        assertThat(type.path("type").asText()).isEqualTo(id);
        assertThat(type.path("name").asText()).isEqualTo(name);
        assertThat(type.path("selected").asBoolean()).isEqualTo(selected);
        assertThat(type.path("importedCount").asLong()).as(id).isEqualTo(imported);
    }
}
