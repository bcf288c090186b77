package io.taskhub.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every provider bean in the application, by id. */
@Component
public class Providers {

    private final Map<String, Provider> byId;

    public Providers(List<Provider> providers) {
        this.byId = providers.stream().collect(Collectors.toMap(Provider::id, Function.identity()));
    }

    public Optional<Provider> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public Provider get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no provider " + id));
    }

    public List<Provider> all() {
        return byId.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
