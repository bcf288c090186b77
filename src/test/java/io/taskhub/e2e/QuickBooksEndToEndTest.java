package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.sandbox.quickbooks.QuickBooksEntity;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * QuickBooks through the REST API alone, with Insightly enabled for the same account, against both simulators and
 * the real embedded PostgreSQL. The steps build on each other, in order.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickBooksEndToEndTest {

    private static final int QUICKBOOKS_SIZE = 40;
    private static final String ADMIN = "quinn@books-e2e.test";
    private static final String REGULAR = "rita@books-e2e.test";

    @LocalServerPort
    int port;

    InsightlySimulator insightly;
    QuickBooksSimulator quickbooks;
    HubClient admin;
    HubClient regular;
    String accountPath;
    String quickbooksIntegration;
    String insightlyIntegration;

    @BeforeAll
    void setUp() {
        insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults().withSize(20)
                .withCount(InsightlyType.TASKS, 0).withCount(InsightlyType.LEADS, 0)
                .withUsers(List.of(ADMIN, REGULAR)));
        quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults().withSize(QUICKBOOKS_SIZE));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Books")).get("id").asLong();
        accountPath = "/api/accounts/" + account;
        assertThat(operator.post(accountPath + "/users", Map.of("email", ADMIN, "name", "Quinn",
                "role", "ADMINISTRATOR", "password", "quinn-password")).status()).isEqualTo(201);
        assertThat(operator.post(accountPath + "/users", Map.of("email", REGULAR, "name", "Rita",
                "role", "REGULAR", "password", "rita-password")).status()).isEqualTo(201);
        admin = HubClient.at(port).as(ADMIN, "quinn-password");
        regular = HubClient.at(port).as(REGULAR, "rita-password");
    }

    @AfterAll
    void tearDown() {
        insightly.close();
        quickbooks.close();
    }

    @Test
    @Order(1)
    void enablingRefreshesTheTokenAndAsksForTheCompany() {
        HubClient.Answer created = admin.post(accountPath + "/integrations", enable(quickbooks.issueRefreshToken()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        quickbooksIntegration = accountPath + "/integrations/" + created.get("id").asText();
    }

    @Test
    @Order(2)
    void aSyncReadsTheCompany() {
        JsonNode run = syncAndWait(quickbooksIntegration, "");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("fetched").asInt()).isEqualTo(4 * QUICKBOOKS_SIZE);
        JsonNode again = syncAndWait(quickbooksIntegration, "");
        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("SUCCEEDED");
        assertThat(again.path("counts").path("fetched").asInt()).isZero();
        assertThat(quickbooks.cdcRequestCount()).isEqualTo(1);
        assertThat(quickbooks.id(QuickBooksEntity.CUSTOMER, 0)).isEqualTo("1");
    }

    private JsonNode syncAndWait(String integration, String options) {
        HubClient.Answer answer = regular.post(integration + "/sync?wait=true" + options, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private Map<String, Object> enable(String refreshToken) {
        return Map.of("provider", "quickbooks",
                "credentials", Map.of("clientId", QuickBooksSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", QuickBooksSimulator.DEFAULT_CLIENT_SECRET, "refreshToken", refreshToken,
                        "realmId", quickbooks.realmId()),
                "endpoint", Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl()));
    }
}
