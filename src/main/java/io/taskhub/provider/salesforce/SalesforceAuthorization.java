package io.taskhub.provider.salesforce;

import java.util.Map;

import io.taskhub.provider.oauth.AuthorizationFlow;
import io.taskhub.provider.oauth.TokenEndpoint;
import org.springframework.stereotype.Component;

/** Salesforce's web-server flow: everything under {@code {loginUrl}/services/oauth2/}, PKCE required since 2026. */
@Component
public class SalesforceAuthorization implements AuthorizationFlow {

    private final SalesforceProperties properties;

    public SalesforceAuthorization(SalesforceProperties properties) {
        this.properties = properties;
    }

    @Override
    public String provider() {
        return "salesforce";
    }

    @Override
    public String scopes() {
        return "api refresh_token";
    }

    @Override
    public String authorizeUrl(Map<String, String> endpoint) {
        return oauth2(endpoint) + "/authorize";
    }

    @Override
    public TokenEndpoint tokenEndpoint(Map<String, String> endpoint) {
        return new TokenEndpoint("Salesforce", oauth2(endpoint) + "/token");
    }

    /** Where a refresh token is revoked, and with it the grant (no client login needed). */
    TokenEndpoint revokeEndpoint(Map<String, String> endpoint) {
        return new TokenEndpoint("Salesforce", oauth2(endpoint) + "/revoke");
    }

    @Override
    public boolean secretInForm() {
        return true;
    }

    private String oauth2(Map<String, String> endpoint) {
        String loginUrl = endpoint.get("loginUrl");
        return (loginUrl == null || loginUrl.isBlank() ? properties.loginUrl() : loginUrl) + "/services/oauth2";
    }
}
