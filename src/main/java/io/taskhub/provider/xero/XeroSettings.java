package io.taskhub.provider.xero;

import java.util.List;
import java.util.Map;

import io.taskhub.model.LedgerAccount;
import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.OAuthTokens;
import io.taskhub.sync.SealedCredentials;
import io.taskhub.sync.StoredIntegration;
import org.springframework.stereotype.Component;

/**
 * The account choice of a connected Xero integration: which revenue and expense accounts its chart offers, and
 * whether the ones chosen exist there. Asked with the integration's own stored tokens.
 */
@Component
public class XeroSettings {

    private final SealedCredentials credentials;
    private final OAuthTokens tokens;
    private final XeroProperties properties;
    private final XeroOrganisation organisation;

    public XeroSettings(SealedCredentials credentials, OAuthTokens tokens, XeroProperties properties,
                        XeroOrganisation organisation) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.properties = properties;
        this.organisation = organisation;
    }

    public List<LedgerAccount> accounts(StoredIntegration integration) {
        Provider.Connection connection = credentials.connection(integration);
        return organisation.bookableAccounts(properties.apiUrl(connection), accessToken(integration, connection),
                connection.credential(XeroProvider.TENANT_ID));
    }

    /** Throws {@link io.taskhub.provider.ProviderRejection} naming each code Xero lacks or that does not suit. */
    public void check(StoredIntegration integration, Map<String, Object> settings) {
        Provider.Connection connection = credentials.connection(integration);
        organisation.checkAccountCodes(properties.apiUrl(connection), accessToken(integration, connection),
                connection.credential(XeroProvider.TENANT_ID), settings);
    }

    private String accessToken(StoredIntegration integration, Provider.Connection connection) {
        return tokens.accessToken(integration.id(), properties.tokenEndpoint(connection));
    }
}
