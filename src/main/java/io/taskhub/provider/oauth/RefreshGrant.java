package io.taskhub.provider.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.config.WholeAnswer;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * The OAuth 2.0 refresh-token grant (RFC 6749 §6), client id and secret in HTTP Basic. A refusal (400/401 with an
 * OAuth error) is a {@link ProviderRejection}; throttling and server errors are (wrapped)
 * {@link HttpOperationFailedException}s and broken connections {@link IOException}s, so that a sync retries them like
 * any other provider call.
 */
@Component
public class RefreshGrant {

    /** Said to last this long when the provider's answer has no {@code expires_in}. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient http;

    public RefreshGrant(ObjectMapper json, OAuthProperties properties) {
        this.json = json;
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public TokenSet refresh(TokenEndpoint endpoint, String clientId, String clientSecret, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new ProviderRejection(endpoint.provider() + " credentials hold no refresh token: re-enable the "
                    + "integration");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(timeout)
                .header("Authorization", basic(clientId, clientSecret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + form(refreshToken)))
                .build();
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 200) {
            return tokens(endpoint, response.body(), refreshToken);
        }
        if (status == 400 || status == 401) {
            throw refused(endpoint, status, response.body());
        }
        throw new RuntimeCamelException(new HttpOperationFailedException(endpoint.url(), status,
                "token refresh failed", null, headers(response), response.body()));
    }

    private TokenSet tokens(TokenEndpoint endpoint, String body, String usedRefreshToken) {
        JsonNode answer = parse(body);
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw new ProviderUnavailable(endpoint.provider() + "'s token endpoint answered without an access token");
        }
        // a provider that does not rotate answers no refresh token: the used one stays valid
        String refreshToken = answer.path("refresh_token").asText("");
        long lifetime = answer.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
        return new TokenSet(accessToken, Instant.now().plusSeconds(lifetime),
                refreshToken.isBlank() ? usedRefreshToken : refreshToken);
    }

    private ProviderRejection refused(TokenEndpoint endpoint, int status, String body) {
        JsonNode answer = parse(body);
        // the provider's own words are not repeated: they could carry whatever the answering server chose
        String error = answer.path("error").asText("");
        String provider = endpoint.provider();
        return switch (error) {
            case "invalid_grant" -> new ProviderRejection(provider + " refused the refresh token (invalid_grant): it "
                    + "expired, was revoked or was already used; re-enable the integration with a new one");
            case "invalid_client", "unauthorized_client" ->
                    new ProviderRejection(provider + " refused the client id or secret (" + error + ")");
            default -> new ProviderRejection(provider + " refused the token refresh (HTTP " + status + ")");
        };
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return WholeAnswer.send(http, request, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("token endpoint " + request.uri() + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing an access token", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
        return headers;
    }

    /** RFC 6749 §2.3.1: both parts form-encoded before they are joined. */
    private static String basic(String clientId, String clientSecret) {
        String pair = form(clientId) + ":" + form(clientSecret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
