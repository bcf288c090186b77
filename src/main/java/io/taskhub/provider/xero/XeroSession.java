package io.taskhub.provider.xero;

import java.util.Map;

import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.OAuthApi;
import io.taskhub.provider.oauth.OAuthSession;
import io.taskhub.provider.oauth.OAuthTokens;
import io.taskhub.provider.oauth.TokenEndpoint;
import org.springframework.stereotype.Component;

/** Which Xero organisation an exchange's calls go to: the {@link OAuthSession} whose calls carry its tenant id. */
@Component("xeroSession")
public class XeroSession implements OAuthApi {

    static final String TENANT_HEADER = "xero-tenant-id";

    private final XeroProperties properties;
    private final OAuthTokens tokens;
    private final XeroOrganisation organisation;

    public XeroSession(XeroProperties properties, OAuthTokens tokens, XeroOrganisation organisation) {
        this.properties = properties;
        this.tokens = tokens;
        this.organisation = organisation;
    }

    /** An integration enabled without a tenantId works with the first organisation connected to the app. */
    @Override
    public OAuthSession session(long integrationId, Provider.Connection connection) {
        TokenEndpoint endpoint = properties.tokenEndpoint(connection);
        String tenant = connection.credential(XeroProvider.TENANT_ID);
        if (tenant == null || tenant.isBlank()) {
            tenant = organisation.firstTenant(properties.connectionsUrl(connection),
                    tokens.accessToken(integrationId, endpoint));
        }
        return new OAuthSession(integrationId, endpoint, properties.apiUrl(connection), Map.of(TENANT_HEADER, tenant));
    }
}
