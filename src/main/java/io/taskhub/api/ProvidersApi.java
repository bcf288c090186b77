package io.taskhub.api;

import java.util.List;

import io.taskhub.provider.Providers;
import org.springframework.stereotype.Component;

/** {@code GET /api/providers}: what can be connected, for any logged-in user. */
@Component("providersApi")
public class ProvidersApi {

    public record ProviderInfo(String id, String name, List<String> types, boolean typesSelectable,
                               int defaultIntervalSeconds) {
    }

    private final Providers providers;

    public ProvidersApi(Providers providers) {
        this.providers = providers;
    }

    public List<ProviderInfo> list() {
        return providers.all().stream()
                .map(p -> new ProviderInfo(p.id(), p.displayName(), p.types(), p.typesSelectable(),
                        p.defaultIntervalSeconds()))
                .toList();
    }
}
