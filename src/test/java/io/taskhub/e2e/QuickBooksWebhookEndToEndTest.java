package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.quickbooks.QuickBooksEntity;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
import io.taskhub.support.SignedDelivery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * QuickBooks' webhook as Intuit calls it, in both of its payload formats, with two companies (one simulator each,
 * each linked by its own account) named in one delivery; the read copy is read back through the REST API alone.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickBooksWebhookEndToEndTest {

    private static final String OTHER_REALM = "4620816365000000002";

    @LocalServerPort
    int port;

    HubClient anonymous;
    Company first;
    Company second;

    /** One QuickBooks company, linked by one account's administrator. */
    record Company(QuickBooksSimulator quickbooks, HubClient admin, String accountPath, String integration) {

        JsonNode runs() {
            return admin.get(integration + "/runs").json();
        }

        boolean hasCustomerNamed(String name) {
            String query = name.replace(" ", "%20");
            for (JsonNode customer : admin.get(accountPath + "/quickbooks/customers?q=" + query).json()) {
                if (customer.path("displayName").asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        boolean hasInvoice(String invoiceId) {
            String number = (String) quickbooks.record(invoiceId).get("DocNumber");
            return admin.get(accountPath + "/quickbooks/documents?type=INVOICE&docNumber=" + number).json().size() > 0;
        }
    }

    @BeforeAll
    void setUp() {
        anonymous = HubClient.at(port);
        first = link("Ledger One", QuickBooksSimulator.Options.defaults().withSize(15));
        second = link("Ledger Two", QuickBooksSimulator.Options.defaults().withSize(15).withRealmId(OTHER_REALM));
    }

    @AfterAll
    void tearDown() {
        first.quickbooks().close();
        second.quickbooks().close();
    }

    @Test
    @Order(1)
    void aLegacyDeliveryNamingTwoCompaniesBringsBothUpToDate() {
        String customer = first.quickbooks().id(QuickBooksEntity.CUSTOMER, 2);
        first.quickbooks().update(customer, Map.of("DisplayName", "Renamed By Legacy Hook"));
        String invoice = second.quickbooks().id(QuickBooksEntity.INVOICE, 3);
        assertThat(second.hasInvoice(invoice)).isTrue();
        String number = (String) second.quickbooks().record(invoice).get("DocNumber");
        second.quickbooks().delete(invoice);

        String delivery = "{\"eventNotifications\":["
                + "{\"realmId\":\"" + first.quickbooks().realmId() + "\",\"dataChangeEvent\":{\"entities\":["
                + "{\"name\":\"Customer\",\"id\":\"" + customer + "\",\"operation\":\"Update\","
                + "\"lastUpdated\":\"2026-12-01T22:00:00.000Z\"}]}},"
                + "{\"realmId\":\"" + OTHER_REALM + "\",\"dataChangeEvent\":{\"entities\":["
                + "{\"name\":\"Invoice\",\"id\":\"" + invoice + "\",\"operation\":\"Delete\","
                + "\"lastUpdated\":\"2026-12-01T22:00:00.000Z\"}]}}]}";
        HubClient.Answer answer = SignedDelivery.quickbooks(anonymous, delivery);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEmpty();

        assertThat(Poll.until(() -> first.hasCustomerNamed("Renamed By Legacy Hook"), Predicate.isEqual(true),
                Duration.ofSeconds(5))).isTrue();
        assertThat(Poll.until(() -> second.admin().get(second.accountPath()
                + "/quickbooks/documents?type=INVOICE&docNumber=" + number).json().size(), n -> n == 0,
                Duration.ofSeconds(5))).as("the deleted invoice is gone from the read copy").isZero();
        assertThat(lastFinished(first).path("trigger").asText()).isEqualTo("WEBHOOK");
        assertThat(lastFinished(second).path("trigger").asText()).isEqualTo("WEBHOOK");
    }

    @Test
    @Order(2)
    void aCloudEventsDeliveryNamingTwoCompaniesBringsBothUpToDate() {
        String customer = second.quickbooks().id(QuickBooksEntity.CUSTOMER, 4);
        second.quickbooks().update(customer, Map.of("DisplayName", "Renamed By Cloud Event"));
        String invoice = first.quickbooks().id(QuickBooksEntity.INVOICE, 5);
        String number = (String) first.quickbooks().record(invoice).get("DocNumber");
        first.quickbooks().delete(invoice);

        String delivery = "[" + cloudEvent("qbo.customer.updated.v1", OTHER_REALM, customer) + ","
                + cloudEvent("qbo.invoice.deleted.v1", first.quickbooks().realmId(), invoice) + "]";
        HubClient.Answer answer = SignedDelivery.quickbooks(anonymous, delivery);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEmpty();

        assertThat(Poll.until(() -> second.hasCustomerNamed("Renamed By Cloud Event"), Predicate.isEqual(true),
                Duration.ofSeconds(5))).isTrue();
        assertThat(Poll.until(() -> first.admin().get(first.accountPath()
                + "/quickbooks/documents?type=INVOICE&docNumber=" + number).json().size(), n -> n == 0,
                Duration.ofSeconds(5))).isZero();
    }

    @Test
    @Order(3)
    void aWrongSignatureOrAnUnknownCompanyStartsNothing() throws InterruptedException {
        String customer = first.quickbooks().id(QuickBooksEntity.CUSTOMER, 6);
        first.quickbooks().update(customer, Map.of("DisplayName", "Forged Rename"));
        int firstRuns = first.runs().size();
        int secondRuns = second.runs().size();
        String delivery = "[" + cloudEvent("qbo.customer.updated.v1", first.quickbooks().realmId(), customer) + "]";
        assertThat(SignedDelivery.post(anonymous, "/webhooks/quickbooks", "intuit-signature",
                SignedDelivery.signature(delivery, "not-the-token"), delivery).status()).isEqualTo(401);
        assertThat(SignedDelivery.post(anonymous, "/webhooks/quickbooks", "intuit-signature", null, delivery)
                .status()).isEqualTo(401);
        // signed with Xero's key: each provider has its own
        assertThat(SignedDelivery.post(anonymous, "/webhooks/quickbooks", "intuit-signature",
                SignedDelivery.signature(delivery, SignedDelivery.XERO_KEY), delivery).status()).isEqualTo(401);
        String unknown = "[" + cloudEvent("qbo.customer.updated.v1", "1111222233334444", customer) + "]";
        assertThat(SignedDelivery.quickbooks(anonymous, unknown).status()).isEqualTo(200);
        // an entity the hub does not read (a vendor) asks for no sync either
        String vendor = "[" + cloudEvent("qbo.vendor.updated.v1", first.quickbooks().realmId(), "7") + "]";
        assertThat(SignedDelivery.quickbooks(anonymous, vendor).status()).isEqualTo(200);

        Thread.sleep(1_500);
        assertThat(first.runs()).hasSize(firstRuns);
        assertThat(second.runs()).hasSize(secondRuns);
        assertThat(first.hasCustomerNamed("Forged Rename")).isFalse();
    }

    private Company link(String name, QuickBooksSimulator.Options options) {
        QuickBooksSimulator quickbooks = QuickBooksSimulator.start(options);
        HubClient operator = anonymous.as("operator", "operator-test-pass");
        String accountPath = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", name)).get("id").asLong();
        String email = "admin@" + name.replace(" ", "-").toLowerCase() + ".test";
        operator.post(accountPath + "/users", Map.of("email", email, "name", "Admin", "role", "ADMINISTRATOR",
                "password", "admin-password"));
        HubClient admin = anonymous.as(email, "admin-password");
        HubClient.Answer created = admin.post(accountPath + "/integrations", Map.of("provider", "quickbooks",
                "credentials", Map.of("clientId", QuickBooksSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", QuickBooksSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", quickbooks.issueRefreshToken(), "realmId", quickbooks.realmId()),
                "endpoint", Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl())));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Company company = new Company(quickbooks, admin, accountPath,
                accountPath + "/integrations/" + created.get("id").asText());
        JsonNode runs = Poll.until(company::runs, r -> r.size() == 1 && !r.get(0).path("finishedAt").isNull(),
                Duration.ofSeconds(15));
        assertThat(runs.get(0).path("status").asText()).as(runs.toString()).isEqualTo("SUCCEEDED");
        return company;
    }

    private static JsonNode lastFinished(Company company) {
        return Poll.until(() -> company.runs().get(0), r -> !r.path("finishedAt").isNull(), Duration.ofSeconds(5));
    }

    private static String cloudEvent(String type, String realm, String entityId) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + type + "-" + realm + "-" + entityId + "\","
                + "\"source\":\"intuit.webhooks\",\"type\":\"" + type + "\","
                + "\"datacontenttype\":\"application/json\",\"time\":\"2026-12-01T22:00:00Z\","
                + "\"intuitentityid\":\"" + entityId + "\",\"intuitaccountid\":\"" + realm + "\",\"data\":{}}";
    }
}
