package io.taskhub.provider.oauth;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's side of connecting by OAuth.
 *
 * @param stateLifetime how long a started connection waits for its callback; its state is refused after that
 * @param apps          the hub's OAuth app at each provider, by provider id; a provider without a client id cannot be
 *                      connected this way (its pasted-token enable still works)
 */
@ConfigurationProperties("hub.connections")
public record ConnectionProperties(Duration stateLifetime, Map<String, App> apps) {

    /** The app registered with the provider; its callback URL: {@code {HUB_PUBLIC_URL}/oauth/callback/{provider}}. */
    public record App(String clientId, String clientSecret) {
        public boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }

        @Override
        public String toString() {
            return "App[clientId=" + clientId + ", secret hidden]";
        }
    }

    public App app(String provider) {
        App app = apps == null ? null : apps.get(provider);
        return app == null ? new App(null, null) : app;
    }
}
