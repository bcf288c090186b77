package io.taskhub.provider.xero;

import java.util.Map;

import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.AuthorizationFlow;
import io.taskhub.provider.oauth.TokenEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Xero's sign-in with PKCE. Its granular scopes: apps created since March 2026 may not ask for
 * {@code accounting.transactions}; {@code offline_access} is what brings a refresh token.
 */
@Component
public class XeroAuthorization implements AuthorizationFlow {

    private final XeroProperties properties;
    private final String authorizeUrl;

    public XeroAuthorization(XeroProperties properties, @Value("${hub.xero.authorize-url}") String authorizeUrl) {
        this.properties = properties;
        this.authorizeUrl = authorizeUrl;
    }

    @Override
    public String provider() {
        return "xero";
    }

    @Override
    public String scopes() {
        return "openid offline_access accounting.contacts.read accounting.settings.read accounting.invoices";
    }

    @Override
    public String authorizeUrl(Map<String, String> endpoint) {
        return connection(endpoint).endpoint("authorizeUrl", authorizeUrl);
    }

    @Override
    public TokenEndpoint tokenEndpoint(Map<String, String> endpoint) {
        return properties.tokenEndpoint(connection(endpoint));
    }

    private static Provider.Connection connection(Map<String, String> endpoint) {
        return new Provider.Connection(Map.of(), endpoint, Map.of());
    }
}
