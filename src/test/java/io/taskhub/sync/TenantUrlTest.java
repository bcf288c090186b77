package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import org.junit.jupiter.api.Test;

/** A tenant's host filled into a base URL: only a short name goes in, and an endpoint override replaces it all. */
class TenantUrlTest {

    private static final String TEMPLATE = "https://{subdomain}.example.com/api";

    @Test
    void theCredentialFillsItsSlotLowerCased() {
        assertThat(TenantUrl.baseUrl(connection("Acme-2", Map.of()), TEMPLATE, "subdomain", "acme"))
                .isEqualTo("https://acme-2.example.com/api");
    }

    @Test
    void anythingButAShortNameIsRefusedBeforeTheCredentialsCanLeave() {
        for (String evil : new String[] {"evil.example/x?", "a.b", "a/b", "a@b", "", "x".repeat(33)}) {
            assertThatThrownBy(() -> TenantUrl.baseUrl(connection(evil, Map.of()), TEMPLATE, "subdomain", "acme"))
                    .as(evil).isInstanceOf(ProviderRejection.class)
                    .hasMessage("the subdomain must be a short name such as acme, not " + evil);
        }
        assertThatThrownBy(() -> TenantUrl.baseUrl(connection(null, Map.of()), TEMPLATE, "subdomain", "acme"))
                .isInstanceOf(ProviderRejection.class);
    }

    @Test
    void anEndpointOverrideReplacesTheWholeUrl() {
        assertThat(TenantUrl.baseUrl(connection(null, Map.of("baseUrl", "http://localhost:9/api")), TEMPLATE,
                "subdomain", "acme")).isEqualTo("http://localhost:9/api");
        assertThat(TenantUrl.baseUrl(connection("acme", Map.of("baseUrl", " ")), TEMPLATE, "subdomain", "acme"))
                .as("a blank override is none").isEqualTo("https://acme.example.com/api");
    }

    private static Provider.Connection connection(String subdomain, Map<String, String> endpoint) {
        Map<String, String> credentials = new HashMap<>();
        credentials.put("subdomain", subdomain);
        return new Provider.Connection(credentials, endpoint, Map.of());
    }
}
