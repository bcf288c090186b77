package io.taskhub.sandbox.quickbooks;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.taskhub.sandbox.AuthorizationCodes;
import io.taskhub.sandbox.AuthorizationHeader;
import io.taskhub.sandbox.FormEncoding;
import io.taskhub.sandbox.Revocations;
import io.taskhub.sandbox.SignedTokens;

/**
 * Intuit's OAuth 2.0 side: the app's client, rotating refresh tokens (each works once; a reused one answers
 * {@code 400 invalid_grant}) and access tokens that expire.
 *
 * <p>Tokens are signed, not stored ({@link SignedTokens}, with the kind as their one field): a token is valid if its
 * signature holds (the key comes from the seed), it has not expired or been revoked, and, for a refresh token, it has
 * not been used yet. So the tokens a sandbox hub stored
 * keep working after both restart, as they do with the real QuickBooks.
 */
final class QuickBooksIdentity {

    private static final String REFRESH = "refresh";
    private static final String ACCESS = "access";
    /** What Intuit says a refresh token lasts (101 days); the simulator does not expire them. */
    private static final long REFRESH_LIFETIME_SECONDS = 8_726_400L;

    private final SignedTokens tokens;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Long> plainRefreshTokens = new ConcurrentHashMap<>();
    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private final AuthorizationCodes codes = new AuthorizationCodes();
    private final Revocations revocations = new Revocations();
    private volatile long refreshTokensRevokedBefore = Long.MIN_VALUE;
    private volatile long accessTokensRevokedBefore = Long.MIN_VALUE;
    private volatile Duration accessTokenLifetime;

    QuickBooksIdentity(long seed, String clientId, String clientSecret, Duration accessTokenLifetime) {
        this.tokens = new SignedTokens("quickbooks", seed);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /** A refresh token given in plain text (the sandbox's first one); it works once, like any other. */
    void registerRefreshToken(String refreshToken) {
        plainRefreshTokens.put(refreshToken, tokens.tick());
        spent.remove(refreshToken);
    }

    /** A new refresh token, as if the company's administrator had connected the app again. */
    String issueRefreshToken() {
        return tokens.sign(Long.MAX_VALUE, REFRESH);
    }

    void revokeRefreshTokens() {
        refreshTokensRevokedBefore = tokens.tick();
    }

    void expireAccessTokens() {
        accessTokensRevokedBefore = tokens.tick();
    }

    void setAccessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    AuthorizationCodes codes() {
        return codes;
    }

    Revocations revocations() {
        return revocations;
    }

    /** {@code POST /v2/oauth2/tokens/revoke}, JSON {@code {"token": ...}}: the refresh token stops working. */
    QuickBooksReply revoke(String authorization, String jsonBody) {
        AuthorizationHeader.ClientCredentials client = AuthorizationHeader.clientCredentials(authorization);
        if (client == null || !client.id().equals(clientId) || !client.secret().equals(clientSecret)) {
            return QuickBooksReply.oauthError(401, "invalid_client");
        }
        if (!revocations.grant()) {
            return QuickBooksReply.oauthError(400, "invalid_request");
        }
        try {
            spent.add(QuickBooksReply.JSON.readTree(jsonBody).path("token").asText(""));
        } catch (JsonProcessingException e) {
            return QuickBooksReply.oauthError(400, "invalid_request");
        }
        return new QuickBooksReply(200, Map.of(), null);
    }

    /**
     * {@code GET /connect/oauth2}: the user "connects" the company at once; the callback names it ({@code realmId}).
     * An unknown client gets Intuit's error page, not a redirect.
     */
    QuickBooksReply authorize(Map<String, String> query, String realmId) {
        String location = clientId.equals(query.get("client_id")) ? codes.authorize(query, Map.of("realmId", realmId))
                : null;
        return location == null ? QuickBooksReply.oauthError(400, "invalid_request")
                : new QuickBooksReply(302, Map.of("Location", location), null);
    }

    /**
     * {@code POST /oauth2/v1/tokens/bearer}: the refresh-token and authorization-code grants, client credentials in
     * HTTP Basic.
     */
    QuickBooksReply token(String authorization, String formBody) {
        Map<String, String> form = FormEncoding.parse(formBody);
        AuthorizationHeader.ClientCredentials client = AuthorizationHeader.clientCredentials(authorization);
        if (client == null || !client.id().equals(clientId) || !client.secret().equals(clientSecret)) {
            return QuickBooksReply.oauthError(401, "invalid_client");
        }
        String grantType = String.valueOf(form.get("grant_type"));
        if (grantType.equals("authorization_code")) {
            return codes.redeem(form, clientId) ? issue() : QuickBooksReply.oauthError(400, "invalid_grant");
        }
        if (!grantType.equals("refresh_token")) {
            return QuickBooksReply.oauthError(400, "unsupported_grant_type");
        }
        String refreshToken = form.getOrDefault("refresh_token", "");
        if (!refreshTokenValid(refreshToken) || !spent.add(refreshToken)) {
            return QuickBooksReply.oauthError(400, "invalid_grant");
        }
        return issue();
    }

    private QuickBooksReply issue() {
        long now = System.currentTimeMillis();
        Duration lifetime = accessTokenLifetime;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("x_refresh_token_expires_in", REFRESH_LIFETIME_SECONDS);
        body.put("refresh_token", tokens.sign(Long.MAX_VALUE, REFRESH));
        body.put("access_token", tokens.sign(now + lifetime.toMillis(), ACCESS));
        body.put("token_type", "bearer");
        body.put("expires_in", lifetime.toSeconds());
        handedOut.addAll(List.of((String) body.get("refresh_token"), (String) body.get("access_token")));
        return QuickBooksReply.json(200, body);
    }

    /** Every token the token endpoint has answered (access and refresh tokens). */
    List<String> handedOut() {
        return List.copyOf(handedOut);
    }

    /** Null if the header carries a live access token, else why not. */
    String refusal(String authorization) {
        String token = AuthorizationHeader.bearerToken(authorization);
        if (token == null) {
            return "No bearer token";
        }
        SignedTokens.Claims claims = tokens.verify(token, 1);
        if (claims == null || !claims.fields().get(0).equals(ACCESS) || claims.issued() < accessTokensRevokedBefore) {
            return "Token invalid";
        }
        return claims.expiresAt() <= System.currentTimeMillis() ? "Token expired" : null;
    }

    private boolean refreshTokenValid(String token) {
        Long plainIssued = plainRefreshTokens.get(token);
        if (plainIssued != null) {
            return plainIssued >= refreshTokensRevokedBefore;
        }
        SignedTokens.Claims claims = tokens.verify(token, 1);
        return claims != null && claims.fields().get(0).equals(REFRESH)
                && claims.issued() >= refreshTokensRevokedBefore;
    }
}
