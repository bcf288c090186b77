package io.taskhub.sandbox.salesforce;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.taskhub.sandbox.AuthorizationCodes;
import io.taskhub.sandbox.Revocations;

/**
 * The OAuth 2.0 side of the org: connected-app clients, their refresh tokens and the access tokens (sessions)
 * issued from them. The web-server flow (authorize, then the authorization-code grant with PKCE) hands out refresh
 * tokens; the refresh-token grant is how the hub logs in with them.
 */
final class OAuthService {

    private static final int MAX_SESSIONS = 10_000;

    /** A connected app as one org's customer uses it: each registered client logs in to an org of its own. */
    private record Client(String secret, Set<String> refreshTokens, String orgId) {
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final AtomicLong orgs = new AtomicLong();
    private final Map<String, Boolean> sessions = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_SESSIONS;
                }
            });
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private final byte[] signingKey = new byte[32];
    private final Supplier<String> baseUrl;
    private final AuthorizationCodes codes = new AuthorizationCodes();
    private final Revocations revocations = new Revocations();
    private volatile boolean rotating;

    OAuthService(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
        random.nextBytes(signingKey);
    }

    /**
     * Adds a client, logging in to a new org (the first one to {@link SalesforceIds#ORG_ID}), or another refresh
     * token (and possibly a new secret) to an existing one.
     */
    void registerClient(String clientId, String clientSecret, String refreshToken) {
        clients.compute(clientId, (id, old) -> {
            Set<String> tokens = ConcurrentHashMap.newKeySet();
            if (old != null) {
                tokens.addAll(old.refreshTokens());
            }
            tokens.add(refreshToken);
            return new Client(clientSecret, tokens, old != null ? old.orgId() : newOrgId());
        });
    }

    private String newOrgId() {
        long org = orgs.incrementAndGet();
        return org == 1 ? SalesforceIds.ORG_ID : SalesforceIds.of(SalesforceIds.ORG_PREFIX, org);
    }

    /**
     * Refresh-token rotation, as a connected app or external client app can enable it: each refresh answers a new
     * refresh token and the used one is invalidated.
     */
    void rotateRefreshTokens(boolean rotate) {
        rotating = rotate;
    }

    void revokeRefreshToken(String refreshToken) {
        clients.values().forEach(client -> client.refreshTokens().remove(refreshToken));
    }

    AuthorizationCodes codes() {
        return codes;
    }

    /** The authorize endpoint: an unknown client gets Salesforce's error page (400), not a redirect. */
    ApiResponse authorize(Map<String, String> query) {
        if (!clients.containsKey(String.valueOf(query.get("client_id")))) {
            return ApiResponse.error(400, "OAUTH_EC_APP_NOT_FOUND", "client identifier invalid");
        }
        String location = codes.authorize(query, Map.of());
        return location == null ? ApiResponse.error(400, "OAUTH_EC_INVALID_REQUEST", "invalid request")
                : ApiResponse.redirect(location);
    }

    /** The token endpoint; answers Salesforce's error codes in the order Salesforce checks them. */
    ApiResponse token(Map<String, String> params) {
        String grantType = String.valueOf(params.get("grant_type"));
        if (!grantType.equals("refresh_token") && !grantType.equals("authorization_code")) {
            return oauthError("unsupported_grant_type", "grant type not supported");
        }
        String clientId = String.valueOf(params.get("client_id"));
        Client client = clients.get(clientId);
        if (client == null) {
            return oauthError("invalid_client_id", "client identifier invalid");
        }
        if (!client.secret().equals(params.get("client_secret"))) {
            return oauthError("invalid_client", "invalid client credentials");
        }
        if (grantType.equals("authorization_code")) {
            if (!codes.redeem(params, clientId)) {
                return oauthError("invalid_grant", "invalid authorization code");
            }
            String refreshToken = codes.newRefreshToken();
            client.refreshTokens().add(refreshToken);
            return session(client.orgId(), Map.of("refresh_token", refreshToken));
        }
        String used = String.valueOf(params.get("refresh_token"));
        if (!rotating) {
            return client.refreshTokens().contains(used) ? session(client.orgId(), Map.of())
                    : oauthError("invalid_grant", "expired access/refresh token");
        }
        if (!client.refreshTokens().remove(used)) {
            return oauthError("invalid_grant", "expired access/refresh token");
        }
        String successor = codes.newRefreshToken();
        client.refreshTokens().add(successor);
        return session(client.orgId(), Map.of("refresh_token", successor));
    }

    /** A new session's token answer, with what the grant adds (the refresh token a code brings). */
    private ApiResponse session(String orgId, Map<String, String> added) {
        String accessToken = newAccessToken(orgId);
        sessions.put(accessToken, Boolean.TRUE);
        handedOut.add(accessToken);
        String base = baseUrl.get();
        String id = base + "/id/" + orgId + "/" + SalesforceIds.USER_ID;
        String issuedAt = Long.toString(System.currentTimeMillis());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("instance_url", base);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        body.put("signature", sign(id + issuedAt));
        body.put("scope", "api refresh_token");
        body.putAll(added);
        return ApiResponse.json(200, body);
    }

    Revocations revocations() {
        return revocations;
    }

    /**
     * Revoking an unknown or expired token is not an error: the client only wants it gone. A refresh token takes
     * the grant with it. Tests can make it refuse (400 unsupported_token_type).
     */
    ApiResponse revoke(String token) {
        if (token == null) {
            return new ApiResponse(200, null);
        }
        if (sessions.remove(token) != null) {
            return new ApiResponse(200, null);
        }
        if (!revocations.grant()) {
            return oauthError("unsupported_token_type", "this token type is not supported");
        }
        revokeRefreshToken(token);
        return new ApiResponse(200, null);
    }

    /** Whether an Authorization header carries a live session ("Bearer x", or the older "OAuth x"). */
    boolean isAuthorized(String authorizationHeader) {
        if (authorizationHeader == null) {
            return false;
        }
        String header = authorizationHeader.trim();
        int space = header.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = header.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("OAuth")) {
            return false;
        }
        return sessions.containsKey(header.substring(space + 1).trim());
    }

    /** Every access token answered, expired and revoked ones too. */
    List<String> handedOut() {
        return List.copyOf(handedOut);
    }

    void expireSessions() {
        sessions.clear();
    }

    private String newAccessToken(String orgId) {
        byte[] bytes = new byte[72];
        random.nextBytes(bytes);
        // Salesforce access tokens are the 15-char org id, '!', then an opaque base64-like string.
        return orgId.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(bytes).replace('-', '.');
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiResponse oauthError(String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ApiResponse.json(400, body);
    }
}
