package io.taskhub.provider.oauth;

import java.util.Map;

import org.apache.camel.Exchange;

/**
 * Whom an exchange's calls to an OAuth provider go to, and as which integration: the Camel variable {@code oauth},
 * opened once by the provider's route (a sync, an invoice export) and read by {@link BearerAuthorization} before
 * each call. It holds no token: {@link OAuthTokens} hands out a usable one for every call.
 *
 * @param integrationId whose tokens the calls are made with
 * @param tokenEndpoint where those tokens are refreshed
 * @param apiUrl        the provider's API, for the route's URLs ({@code ${variable.oauth.apiUrl()}})
 * @param headers       what every call carries besides the token (Xero's {@code xero-tenant-id})
 */
public record OAuthSession(long integrationId, TokenEndpoint tokenEndpoint, String apiUrl,
                           Map<String, String> headers) {

    public static final String VARIABLE = "oauth";

    public void attach(Exchange exchange) {
        exchange.setVariable(VARIABLE, this);
    }

    public static OAuthSession of(Exchange exchange) {
        return exchange.getVariable(VARIABLE, OAuthSession.class);
    }
}
