package io.taskhub.api;

import java.util.List;
import java.util.Map;

import io.taskhub.model.IntegrationStatus;
import io.taskhub.model.TypeChoice;
import io.taskhub.provider.Provider;
import io.taskhub.provider.Providers;
import io.taskhub.sync.Causes;
import io.taskhub.sync.ImportedCounts;
import io.taskhub.sync.SealedCredentials;
import io.taskhub.sync.StoredIntegration;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code GET .../integrations/{id}/types}: every type of the integration's provider, for choosing what to import. */
@Component("typesApi")
public class TypesApi {

    private static final Logger LOG = LoggerFactory.getLogger(TypesApi.class);

    private final IntegrationsApi integrationsApi;
    private final Providers providers;
    private final ImportedCounts imported;
    private final SealedCredentials credentials;

    public TypesApi(IntegrationsApi integrationsApi, Providers providers, ImportedCounts imported,
                    SealedCredentials credentials) {
        this.integrationsApi = integrationsApi;
        this.providers = providers;
        this.imported = imported;
        this.credentials = credentials;
    }

    public List<TypeChoice> list(@Header("acc") String acc, @Header("id") String id) {
        StoredIntegration integration = integrationsApi.find(acc, id);
        Provider provider = providers.get(integration.provider());
        Map<String, Long> counts = provider.importsTasks() ? imported.tasks(integration.id())
                : imported.quickBooksCopy(integration.id());
        Map<String, Long> held = providerCounts(provider, integration);
        return provider.types().stream().map(type -> new TypeChoice(type, provider.typeName(type),
                integration.selectedTypes().contains(type), held.get(type), counts.getOrDefault(type, 0L))).toList();
    }

    /**
     * Asked of the provider while the client waits; an integration that cannot ask (not active) or a provider that
     * fails to answer leaves the counts null rather than failing the choice.
     */
    private Map<String, Long> providerCounts(Provider provider, StoredIntegration integration) {
        if (integration.status() != IntegrationStatus.ACTIVE) {
            return Map.of();
        }
        try {
            return provider.countRecords(integration.id(), credentials.connection(integration));
        } catch (RuntimeException e) {
            LOG.warn("Counting the records of integration {} failed: {}", integration.id(), Causes.rootMessage(e));
            return Map.of();
        }
    }
}
