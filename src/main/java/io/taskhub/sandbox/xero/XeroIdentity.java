package io.taskhub.sandbox.xero;

import io.taskhub.sandbox.AuthorizationCodes;
import io.taskhub.sandbox.AuthorizationHeader;
import io.taskhub.sandbox.FormEncoding;
import io.taskhub.sandbox.Revocations;
import io.taskhub.sandbox.SignedTokens;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Xero's identity side: app clients, rotating refresh tokens, expiring access tokens and the organisations (tenants)
 * connected to the app.
 *
 * <p>Tokens are signed, not stored ({@link SignedTokens}, with the kind and the client id as fields): a token is valid
 * if its signature holds (the key comes from the seed), it has not expired or been revoked, and, for a refresh token,
 * it has not been used yet. So tokens issued before a restart of the simulator keep working after it, as they do with
 * the real Xero, while each refresh token still works once.
 */
final class XeroIdentity {

    record Tenant(String id, String name) {
    }

    private static final String REFRESH = "refresh";
    private static final String ACCESS = "access";

    private final SignedTokens tokens;
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    /** Refresh tokens given at start or registered by tests, in plain text: token → client id. */
    private final Map<String, String> plainRefreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> plainIssued = new ConcurrentHashMap<>();
    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private final List<Tenant> tenants = new CopyOnWriteArrayList<>();
    private final AuthorizationCodes codes = new AuthorizationCodes();
    private final Revocations revocations = new Revocations();
    private volatile long refreshTokensRevokedBefore = Long.MIN_VALUE;
    private volatile long accessTokensRevokedBefore = Long.MIN_VALUE;
    private volatile Duration accessTokenLifetime;
    private volatile Duration tokenLatency = Duration.ZERO;

    XeroIdentity(long seed, Duration accessTokenLifetime) {
        this.tokens = new SignedTokens("xero", seed);
        this.accessTokenLifetime = accessTokenLifetime;
    }

    void registerClient(String clientId, String clientSecret) {
        clients.put(clientId, clientSecret);
    }

    void registerRefreshToken(String clientId, String refreshToken) {
        plainRefreshTokens.put(refreshToken, clientId);
        plainIssued.put(refreshToken, tokens.tick());
        spent.remove(refreshToken);
    }

    /** A new refresh token for the client, as if its user had authorised the app again. */
    String issueRefreshToken(String clientId) {
        return tokens.sign(Long.MAX_VALUE, REFRESH, clientId);
    }

    void addTenant(String id, String name) {
        tenants.add(new Tenant(id, name));
    }

    List<Tenant> tenants() {
        return List.copyOf(tenants);
    }

    boolean hasTenant(String id) {
        return tenants.stream().anyMatch(t -> t.id().equals(id));
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

    void setTokenLatency(Duration latency) {
        this.tokenLatency = latency;
    }

    AuthorizationCodes codes() {
        return codes;
    }

    Revocations revocations() {
        return revocations;
    }

    /** {@code POST /connect/revocation} (RFC 7009): the refresh token, and the grant, stop working. */
    XeroReply revoke(String authorization, String formBody) {
        AuthorizationHeader.ClientCredentials client = AuthorizationHeader.clientCredentials(authorization);
        if (client == null || !client.secret().equals(clients.get(client.id()))) {
            return XeroReply.oauthError("invalid_client");
        }
        if (!revocations.grant()) {
            return XeroReply.oauthError("unsupported_token_type");
        }
        spent.add(FormEncoding.parse(formBody).getOrDefault("token", ""));
        return XeroReply.empty(200);
    }

    /** {@code GET /identity/connect/authorize}: an unknown client gets Xero's error page, not a redirect. */
    XeroReply authorize(Map<String, String> query) {
        String location = clients.containsKey(String.valueOf(query.get("client_id")))
                ? codes.authorize(query, Map.of()) : null;
        return location == null ? XeroReply.oauthError("invalid_request")
                : XeroReply.empty(302).withHeader("Location", location);
    }

    /**
     * {@code POST /connect/token}: the refresh-token and authorization-code grants, client credentials in HTTP Basic
     * (or in the form).
     */
    XeroReply token(String authorization, String formBody) {
        pause(tokenLatency);
        Map<String, String> form = FormEncoding.parse(formBody);
        String grantType = String.valueOf(form.get("grant_type"));
        if (!grantType.equals("refresh_token") && !grantType.equals("authorization_code")) {
            return XeroReply.oauthError("unsupported_grant_type");
        }
        AuthorizationHeader.ClientCredentials client = AuthorizationHeader.clientCredentials(authorization);
        String clientId = client != null ? client.id() : form.get("client_id");
        String secret = client != null ? client.secret() : form.get("client_secret");
        if (clientId == null || secret == null || !secret.equals(clients.get(clientId))) {
            return XeroReply.oauthError("invalid_client");
        }
        if (grantType.equals("authorization_code")) {
            return codes.redeem(form, clientId) ? issue(clientId) : XeroReply.oauthError("invalid_grant");
        }
        String refreshToken = form.getOrDefault("refresh_token", "");
        if (!refreshTokenValid(clientId, refreshToken) || !spent.add(refreshToken)) {
            return XeroReply.oauthError("invalid_grant");
        }
        return issue(clientId);
    }

    private XeroReply issue(String clientId) {
        long now = System.currentTimeMillis();
        Duration lifetime = accessTokenLifetime;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id_token", tokens.sign(now + lifetime.toMillis(), "id", clientId));
        body.put("access_token", tokens.sign(now + lifetime.toMillis(), ACCESS, clientId));
        body.put("expires_in", lifetime.toSeconds());
        body.put("token_type", "Bearer");
        body.put("refresh_token", tokens.sign(Long.MAX_VALUE, REFRESH, clientId));
        body.put("scope", "openid profile email accounting.contacts accounting.settings accounting.transactions "
                + "offline_access");
        handedOut.addAll(List.of((String) body.get("id_token"), (String) body.get("access_token"),
                (String) body.get("refresh_token")));
        return XeroReply.json(200, body);
    }

    /** Every token the token endpoint has answered (id, access and refresh tokens). */
    List<String> handedOut() {
        return List.copyOf(handedOut);
    }

    /** Null if the header carries a live access token, else the reason Xero gives. */
    String refusal(String authorization) {
        String token = AuthorizationHeader.bearerToken(authorization);
        if (token == null) {
            return "AuthenticationUnsuccessful";
        }
        SignedTokens.Claims claims = tokens.verify(token, 2);
        if (claims == null || !claims.fields().get(0).equals(ACCESS) || claims.issued() < accessTokensRevokedBefore) {
            return "AuthenticationUnsuccessful";
        }
        return claims.expiresAt() <= System.currentTimeMillis() ? "TokenExpired" : null;
    }

    private boolean refreshTokenValid(String clientId, String token) {
        String plainClient = plainRefreshTokens.get(token);
        if (plainClient != null) {
            return plainClient.equals(clientId) && plainIssued.get(token) >= refreshTokensRevokedBefore;
        }
        SignedTokens.Claims claims = tokens.verify(token, 2);
        return claims != null && claims.fields().get(0).equals(REFRESH) && claims.fields().get(1).equals(clientId)
                && claims.issued() >= refreshTokensRevokedBefore;
    }

    private static void pause(Duration latency) {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
