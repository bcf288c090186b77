package io.taskhub.provider.xero;

import java.util.List;
import java.util.Map;

import io.taskhub.model.Organisation;
import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.AuthorizationFlow;
import io.taskhub.provider.oauth.TokenEndpoint;
import io.taskhub.provider.oauth.TokenSet;
import org.springframework.stereotype.Component;

/**
 * Xero's sign-in with PKCE. Its granular scopes: apps created since March 2026 may not ask for
 * {@code accounting.transactions}; {@code offline_access} is what brings a refresh token.
 */
@Component
public class XeroAuthorization implements AuthorizationFlow {

    private final XeroProperties properties;
    private final XeroOrganisation organisation;
    private final String authorizeUrl;

    public XeroAuthorization(XeroProperties properties, XeroOrganisation organisation) {
        this.properties = properties;
        this.organisation = organisation;
        this.authorizeUrl = properties.authorizeUrl();
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

    /** A user may connect several organisations in one consent: then the client chooses which one this is. */
    @Override
    public List<Organisation> organisations(TokenSet tokens, Map<String, String> endpoint) {
        List<Organisation> organisations = organisation.organisations(properties.connectionsUrl(connection(endpoint)),
                tokens.accessToken());
        return organisations.size() > 1 ? organisations : List.of();
    }

    @Override
    public String organisationCredential() {
        return XeroProvider.TENANT_ID;
    }

    private static Provider.Connection connection(Map<String, String> endpoint) {
        return new Provider.Connection(Map.of(), endpoint, Map.of());
    }
}
