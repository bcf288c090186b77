package io.taskhub.provider.xero;

import java.util.List;
import java.util.Map;

import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.GrantRevocation;
import io.taskhub.provider.oauth.OAuthTokens;
import io.taskhub.provider.oauth.TokenSet;
import org.springframework.stereotype.Component;

/**
 * Xero: the organisation's contacts, as tasks directly under the root and as clients, through camel-http with the
 * rotating refresh-token flow ({@link OAuthTokens}); invoices exported to it.
 */
@Component
public class XeroProvider implements Provider {

    static final String TENANT_ID = "tenantId";

    private final XeroProperties properties;
    private final OAuthTokens tokens;
    private final XeroOrganisation organisation;

    private final GrantRevocation revocation;
    private final String revokeUrl;

    public XeroProvider(XeroProperties properties, OAuthTokens tokens, XeroOrganisation organisation,
                        GrantRevocation revocation) {
        this.properties = properties;
        this.tokens = tokens;
        this.organisation = organisation;
        this.revocation = revocation;
        this.revokeUrl = properties.revokeUrl();
    }

    @Override
    public String id() {
        return "xero";
    }

    @Override
    public String displayName() {
        return "Xero";
    }

    @Override
    public List<String> types() {
        return List.of(XeroMapper.CONTACTS);
    }

    @Override
    public boolean typesSelectable() {
        return false;
    }

    @Override
    public boolean listPerType() {
        return false;
    }

    @Override
    public boolean assignsAllUsersToRoot() {
        return true;
    }

    @Override
    public List<String> endpointFields() {
        return List.of("baseUrl", "tokenUrl", "authorizeUrl", "revokeUrl");
    }

    @Override
    public List<String> publicDomains() {
        return List.of("xero.com");
    }

    @Override
    public List<String> credentialFields() {
        return List.of(TokenSet.CLIENT_ID, TokenSet.CLIENT_SECRET, TokenSet.REFRESH_TOKEN);
    }

    /** Without it, the first organisation connected to the app, looked up once at enable time and kept. */
    @Override
    public List<String> optionalCredentialFields() {
        return List.of(TENANT_ID);
    }

    @Override
    public String tenantCredential() {
        return TENANT_ID;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of(XeroMapper.REVENUE_SETTING, XeroMapper.EXPENSE_SETTING);
    }

    /**
     * A token refresh, which rotates the refresh token: the rotated one, with the access token it came with, is what
     * gets stored for the integration. Then the organisation, and its chart of accounts against the settings if they
     * are chosen already (a connection by signing in may choose them afterwards).
     */
    @Override
    public void verify(Connection connection) {
        tokens.refreshForCheck(connection, properties.tokenEndpoint(connection));
        String accessToken = connection.credential(TokenSet.ACCESS_TOKEN);
        if (connection.credential(TENANT_ID) == null) {
            connection.updateCredentials(Map.of(TENANT_ID,
                    organisation.firstTenant(properties.connectionsUrl(connection), accessToken)));
        }
        if (connection.settings().containsKey(XeroMapper.REVENUE_SETTING)) {
            organisation.checkAccountCodes(properties.apiUrl(connection), accessToken,
                    connection.credential(TENANT_ID), connection.settings());
        }
    }

    /** Revoking the refresh token ends the grant, and Xero removes the organisations' connections made with it. */
    @Override
    public boolean revoke(Connection connection) {
        revocation.revoke(GrantRevocation.revokeEndpoint("Xero", connection, revokeUrl),
                GrantRevocation.Style.FORM_WITH_CLIENT, connection.credential(TokenSet.CLIENT_ID),
                connection.credential(TokenSet.CLIENT_SECRET), connection.credential(TokenSet.REFRESH_TOKEN));
        return true;
    }
}
