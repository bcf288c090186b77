package io.taskhub.sync;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.Provider;
import io.taskhub.provider.Providers;
import io.taskhub.security.CredentialCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Stores the tenant key of the integrations enabled before V31 (from then on, enabling stores it), so that their
 * provider's webhooks find them too. Runs once the hub has started: after {@link LegacyCredentials} re-sealed what
 * needed it.
 */
@Component
class TenantKeys implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TenantKeys.class);

    private final IntegrationRepository integrations;
    private final Providers providers;
    private final CredentialCipher cipher;
    private final ObjectMapper json;

    TenantKeys(IntegrationRepository integrations, Providers providers, CredentialCipher cipher, ObjectMapper json) {
        this.integrations = integrations;
        this.providers = providers;
        this.cipher = cipher;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> withTenants = providers.all().stream().filter(p -> p.tenantCredential() != null)
                .map(Provider::id).toList();
        for (long id : integrations.activeWithoutTenantKey(withTenants)) {
            StoredIntegration integration = integrations.find(id).orElseThrow();
            try {
                Map<String, String> credentials = json.readValue(cipher.open(id, integration.sealedCredentials()),
                        new TypeReference<>() { });
                integrations.setTenantKey(id, IntegrationLifecycle.tenantKey(
                        providers.get(integration.provider()), credentials));
            } catch (Exception e) {
                LOG.warn("Integration {}: no tenant key, its webhooks are dropped until it is re-enabled: {}", id,
                        e.getMessage());
            }
        }
    }
}
