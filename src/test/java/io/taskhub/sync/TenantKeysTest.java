package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An integration enabled before tenant keys were stored gets its key at the next start, from its credentials. */
@HubTest
class TenantKeysTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantKeys tenantKeys;

    @Test
    void anIntegrationWithoutATenantKeyGetsItFromItsCredentials() {
        try (QuickBooksSimulator quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
                .withSize(3))) {
            HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
            long account = operator.post("/api/accounts", Map.of("name", "Before V31")).get("id").asLong();
            HubClient.Answer created = operator.post("/api/accounts/" + account + "/integrations", Map.of(
                    "provider", "quickbooks",
                    "credentials", Map.of("clientId", QuickBooksSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", QuickBooksSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", quickbooks.issueRefreshToken(), "realmId", quickbooks.realmId()),
                    "endpoint", Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl())));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            long id = created.get("id").asLong();
            assertThat(tenantKey(id)).as("stored when enabled").isEqualTo(quickbooks.realmId());

            jdbc.update("update integration set tenant_key = null where id = ?", id);
            tenantKeys.run(null);
            assertThat(tenantKey(id)).isEqualTo(quickbooks.realmId());

            assertThat(operator.delete("/api/accounts/" + account + "/integrations/" + id).status()).isEqualTo(204);
            assertThat(tenantKey(id)).as("forgotten when unlinked").isNull();
            tenantKeys.run(null);
            assertThat(tenantKey(id)).isNull();
        }
    }

    private String tenantKey(long id) {
        return jdbc.queryForObject("select tenant_key from integration where id = ?", String.class, id);
    }
}
