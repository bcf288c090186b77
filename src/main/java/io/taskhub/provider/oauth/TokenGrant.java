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
 * The OAuth 2.0 token grants the hub makes: the refresh-token grant (RFC 6749 §6) with client id and secret in HTTP
 * Basic, and the authorization-code grant (§4.1.3) that ends a sign-in, with its PKCE verifier (RFC 7636). A refusal
 * (400/401 with an OAuth error) is a {@link ProviderRejection}; throttling and server errors are (wrapped)
 * {@link HttpOperationFailedException}s and broken connections {@link IOException}s, so that a sync retries them like
 * any other provider call.
 */
@Component
public class TokenGrant {

    /** Said to last this long when the provider's answer has no {@code expires_in}. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

    /** What a grant presents, and what to do once it is refused: for the words of a refusal. */
    private record Grant(String what, String remedy) {
    }

    private static final Grant REFRESH = new Grant("the refresh token", "re-enable the integration with a new one");
    private static final Grant CODE = new Grant("the authorization code", "start the connection again");

    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient http;

    public TokenGrant(ObjectMapper json, OAuthProperties properties) {
        this.json = json;
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public TokenSet refresh(TokenEndpoint endpoint, String clientId, String clientSecret, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new ProviderRejection(endpoint.provider() + " credentials hold no refresh token: re-enable the "
                    + "integration");
        }
        return post(endpoint, basic(clientId, clientSecret), "grant_type=refresh_token&refresh_token="
                + form(refreshToken), refreshToken, REFRESH);
    }

    /**
     * Exchanges an authorization code. The client authenticates in HTTP Basic, or in the form where the provider
     * wants it there (Salesforce); {@code verifier} is null for a provider without PKCE.
     */
    public TokenSet exchangeCode(TokenEndpoint endpoint, String clientId, String clientSecret, boolean secretInForm,
                                 String code, String redirectUri, String verifier) {
        StringBuilder body = new StringBuilder("grant_type=authorization_code&code=").append(form(code))
                .append("&redirect_uri=").append(form(redirectUri));
        if (verifier != null) {
            body.append("&code_verifier=").append(form(verifier));
        }
        if (secretInForm) {
            body.append("&client_id=").append(form(clientId)).append("&client_secret=").append(form(clientSecret));
        }
        TokenSet tokens = post(endpoint, secretInForm ? null : basic(clientId, clientSecret), body.toString(), "",
                CODE);
        if (tokens.refreshToken().isBlank()) {
            throw new ProviderRejection(endpoint.provider() + " answered no refresh token: the hub's app needs "
                    + "offline access");
        }
        return tokens;
    }

    private TokenSet post(TokenEndpoint endpoint, String authorization, String body, String usedRefreshToken,
                          Grant grant) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(request.build());
        int status = response.statusCode();
        if (status == 200) {
            return tokens(endpoint, response.body(), usedRefreshToken);
        }
        if (status == 400 || status == 401) {
            throw refused(endpoint, status, response.body(), grant);
        }
        throw new RuntimeCamelException(new HttpOperationFailedException(endpoint.url(), status,
                "token grant failed", null, headers(response), response.body()));
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

    private ProviderRejection refused(TokenEndpoint endpoint, int status, String body, Grant grant) {
        JsonNode answer = parse(body);
        // the provider's own words are not repeated: they could carry whatever the answering server chose
        String error = answer.path("error").asText("");
        String provider = endpoint.provider();
        return switch (error) {
            case "invalid_grant" -> new ProviderRejection(provider + " refused " + grant.what() + " (invalid_grant): "
                    + "it expired, was revoked or was already used; " + grant.remedy());
            case "invalid_client", "unauthorized_client" ->
                    new ProviderRejection(provider + " refused the client id or secret (" + error + ")");
            default -> new ProviderRejection(provider + " refused " + grant.what() + " (HTTP " + status + ")");
        };
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return WholeAnswer.send(http, request, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("token endpoint " + request.uri() + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for an access token", e);
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
    static String basic(String clientId, String clientSecret) {
        String pair = form(clientId) + ":" + form(clientSecret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String form(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
