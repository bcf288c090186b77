package io.taskhub.api;

import java.util.List;
import java.util.Map;

import io.taskhub.model.TypeChoice;
import io.taskhub.provider.Provider;
import io.taskhub.provider.Providers;
import io.taskhub.sync.ImportedCounts;
import io.taskhub.sync.StoredIntegration;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** {@code GET .../integrations/{id}/types}: every type of the integration's provider, for choosing what to import. */
@Component("typesApi")
public class TypesApi {

    private final IntegrationsApi integrationsApi;
    private final Providers providers;
    private final ImportedCounts imported;

    public TypesApi(IntegrationsApi integrationsApi, Providers providers, ImportedCounts imported) {
        this.integrationsApi = integrationsApi;
        this.providers = providers;
        this.imported = imported;
    }

    /** The provider's own record counts are not asked for yet: {@code providerCount} is null. */
    public List<TypeChoice> list(@Header("acc") String acc, @Header("id") String id) {
        StoredIntegration integration = integrationsApi.find(acc, id);
        Provider provider = providers.get(integration.provider());
        Map<String, Long> counts = provider.importsTasks() ? imported.tasks(integration.id())
                : imported.quickBooksCopy(integration.id());
        return provider.types().stream().map(type -> new TypeChoice(type, provider.typeName(type),
                integration.selectedTypes().contains(type), null, counts.getOrDefault(type, 0L))).toList();
    }
}
