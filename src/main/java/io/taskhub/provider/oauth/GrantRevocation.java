package io.taskhub.provider.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.config.WholeAnswer;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import org.springframework.stereotype.Component;

/**
 * Revokes a refresh token at the provider, and with it the grant the user gave (RFC 7009 and its cousins): what
 * "unlink" means to the user. A refusal is a {@link ProviderRejection}, anything else that fails a
 * {@link ProviderUnavailable}; neither repeats the provider's answer.
 */
@Component
public class GrantRevocation {

    /** How each provider wants the token: Salesforce a form with no client login, Xero a form, Intuit JSON. */
    public enum Style {
        FORM, FORM_WITH_CLIENT, JSON_WITH_CLIENT
    }

    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient http;

    public GrantRevocation(ObjectMapper json, OAuthProperties properties) {
        this.json = json;
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * Where a provider's grant is revoked: the integration's {@code revokeUrl}, else the provider's own endpoint;
     * but an integration that overrides its {@code tokenUrl} (a sandbox) and names no {@code revokeUrl} is not sent
     * to the real provider: a {@link ProviderRejection} says the grant was not revoked.
     */
    public static TokenEndpoint revokeEndpoint(String provider, Provider.Connection connection, String defaultUrl) {
        String override = connection.endpoint("revokeUrl", null);
        if (override == null && connection.endpoint("tokenUrl", null) != null) {
            throw new ProviderRejection(provider + "'s grant was not revoked (the integration overrides tokenUrl "
                    + "but names no revokeUrl)");
        }
        return new TokenEndpoint(provider, override == null ? defaultUrl : override);
    }

    public void revoke(TokenEndpoint endpoint, Style style, String clientId, String clientSecret,
                       String refreshToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(timeout)
                .header("Accept", "application/json");
        if (style == Style.JSON_WITH_CLIENT) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    jsonToken(refreshToken)));
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers
                    .ofString("token=" + TokenGrant.form(refreshToken) + "&token_type_hint=refresh_token"));
        }
        if (style != Style.FORM) {
            request.header("Authorization", TokenGrant.basic(clientId, clientSecret));
        }
        int status = send(endpoint, request.build());
        if (status == 400 || status == 401 || status == 403) {
            throw new ProviderRejection(endpoint.provider() + " refused to revoke the grant (HTTP " + status + ")");
        }
        if (status < 200 || status > 299) {
            throw new ProviderUnavailable(endpoint.provider() + " failed to revoke the grant (HTTP " + status + ")");
        }
    }

    private int send(TokenEndpoint endpoint, HttpRequest request) {
        try {
            return WholeAnswer.send(http, request, timeout).statusCode();
        } catch (IOException e) {
            throw new ProviderUnavailable(endpoint.provider() + "'s revocation endpoint could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while revoking a grant at " + endpoint.provider(), e);
        }
    }

    private String jsonToken(String token) {
        try {
            return json.writeValueAsString(Map.of("token", token));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
