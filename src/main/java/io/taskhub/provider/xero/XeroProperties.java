package io.taskhub.provider.xero;

import java.time.Duration;

import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.TokenEndpoint;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl  where the accounting API ({@code /api.xro/2.0}) and {@code /connections} live, unless an
 *                 integration's endpoint {@code baseUrl} says otherwise
 * @param tokenUrl Xero's identity token endpoint, unless the endpoint {@code tokenUrl} says otherwise
 * @param authorizeUrl where the hub sends a user's browser to sign in, unless the endpoint {@code authorizeUrl} says
 *                 otherwise
 * @param revokeUrl  where an unlinked integration's grant is revoked, unless the endpoint {@code revokeUrl} says so
 * @param pageSize contacts per page; a shorter page is the last one
 * @param overlap  how far before its cursor an incremental sync asks (If-Modified-Since): what that re-reads
 *                 unchanged is dropped before writing
 */
@ConfigurationProperties("hub.xero")
public record XeroProperties(String baseUrl, String tokenUrl, String authorizeUrl, String revokeUrl, int pageSize,
                             Duration overlap) {

    public String apiUrl(Provider.Connection connection) {
        return connection.endpoint("baseUrl", baseUrl) + "/api.xro/2.0";
    }

    public String connectionsUrl(Provider.Connection connection) {
        return connection.endpoint("baseUrl", baseUrl) + "/connections";
    }

    public TokenEndpoint tokenEndpoint(Provider.Connection connection) {
        return new TokenEndpoint("Xero", connection.endpoint("tokenUrl", tokenUrl));
    }
}
