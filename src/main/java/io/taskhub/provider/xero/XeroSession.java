package io.taskhub.provider.xero;

import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.OAuthTokens;
import io.taskhub.provider.oauth.TokenEndpoint;
import io.taskhub.sync.FreshRequest;
import io.taskhub.sync.SyncContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Which Xero organisation an exchange talks to, and the headers every call carries: the Bearer token (refreshed,
 * rotated and stored first when due, see {@link OAuthTokens}), {@code xero-tenant-id} and {@code Accept}.
 */
@Component("xeroSession")
public class XeroSession {

    /** Exchange properties: the accounting API's URL, and the integration, token endpoint and tenant of the calls. */
    public static final String API = "xeroApi";
    static final String INTEGRATION = "xeroIntegration";
    static final String TOKEN_ENDPOINT = "xeroTokenEndpoint";
    static final String TENANT = "xeroTenant";

    private final XeroProperties properties;
    private final OAuthTokens tokens;
    private final XeroOrganisation organisation;

    public XeroSession(XeroProperties properties, OAuthTokens tokens, XeroOrganisation organisation) {
        this.properties = properties;
        this.tokens = tokens;
        this.organisation = organisation;
    }

    /** For a sync: the integration being synced. */
    public void open(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        attach(exchange, sync.integrationId(), sync.connection());
    }

    /** An integration enabled without a tenantId works with the first organisation connected to the app. */
    void attach(Exchange exchange, long integrationId, Provider.Connection connection) {
        TokenEndpoint endpoint = properties.tokenEndpoint(connection);
        exchange.setProperty(INTEGRATION, integrationId);
        exchange.setProperty(TOKEN_ENDPOINT, endpoint);
        exchange.setProperty(API, properties.apiUrl(connection));
        String tenant = connection.credential(XeroProvider.TENANT_ID);
        if (tenant == null || tenant.isBlank()) {
            tenant = organisation.firstTenant(properties.connectionsUrl(connection),
                    tokens.accessToken(integrationId, endpoint));
        }
        exchange.setProperty(TENANT, tenant);
    }

    /** Fresh headers for one call: nothing of a previous answer, or of whoever sent the exchange, travels to Xero. */
    public void authorize(Exchange exchange) {
        String accessToken = tokens.accessToken(exchange.getProperty(INTEGRATION, Long.class),
                exchange.getProperty(TOKEN_ENDPOINT, TokenEndpoint.class));
        Message message = exchange.getIn();
        FreshRequest.clear(message);
        message.setHeader("Authorization", "Bearer " + accessToken);
        message.setHeader("xero-tenant-id", exchange.getProperty(TENANT, String.class));
        message.setHeader("Accept", "application/json");
    }

    /** Xero refused the stored access token before its time: the next call gets a fresh one. */
    void discardAccessToken(Exchange exchange) {
        tokens.discardAccessToken(exchange.getProperty(INTEGRATION, Long.class));
    }

    static String tenant(Exchange exchange) {
        return exchange.getProperty(TENANT, String.class);
    }
}
