package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Someone who can write the database but does not hold the key moves one integration's sealed credentials into
 * another's row: neither integration can use the other's credentials, and the runs say why.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwappedCredentialsEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    SalesforceSimulator salesforce;

    @BeforeAll
    void start() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(20)
                .withCases(5));
    }

    @AfterAll
    void stop() {
        salesforce.close();
    }

    /** An account's administrator and its Salesforce integration. */
    private record Side(HubClient admin, String integration, long id) {
        JsonNode sync() {
            return admin.syncAndWait(integration, "");
        }
    }

    @Test
    void credentialsMovedToAnotherIntegrationsRowDoNotOpen() {
        Side north = enabled("North");
        Side south = enabled("South");
        assertThat(north.sync().path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(south.sync().path("status").asText()).isEqualTo("SUCCEEDED");

        swapCredentials(north.id(), south.id());
        for (Side side : new Side[] {north, south}) {
            JsonNode run = side.sync();
            assertThat(run.path("status").asText()).isEqualTo("FAILED");
            assertThat(run.path("error").asText()).isEqualTo("the stored credentials of integration " + side.id()
                    + " cannot be opened: they were sealed with another HUB_SECRET_KEY or for another integration; "
                    + "re-enable it with its credentials");
            assertThat(side.admin().get(side.integration()).status()).isEqualTo(200);
        }

        swapCredentials(north.id(), south.id());
        assertThat(north.sync().path("status").asText()).as("back in its own row").isEqualTo("SUCCEEDED");
        assertThat(south.sync().path("status").asText()).isEqualTo("SUCCEEDED");
    }

    private void swapCredentials(long one, long other) {
        jdbc.update("""
                update integration set credentials = swapped.credentials
                from (select id, credentials from integration where id in (?, ?)) swapped
                where integration.id in (?, ?) and swapped.id <> integration.id""", one, other, one, other);
    }

    private Side enabled(String name) {
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        String account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", name)).get("id").asText();
        String email = "admin@" + name.toLowerCase() + ".swap.test";
        assertThat(operator.post(account + "/users", Map.of("email", email, "name", name,
                "role", "ADMINISTRATOR", "password", "swap-password")).status()).isEqualTo(201);
        HubClient admin = HubClient.at(port).as(email, "swap-password");
        HubClient.Answer created = admin.post(account + "/integrations", Map.of("provider", "salesforce",
                "intervalSeconds", 3600,
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("loginUrl", salesforce.baseUrl())));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.get("id").asLong();
        return new Side(admin, account + "/integrations/" + id, id);
    }
}
