package io.taskhub.sandbox.xero;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Xero's identity side: app clients, rotating refresh tokens, expiring access tokens and the organisations (tenants)
 * connected to the app.
 *
 * <p>Tokens are signed, not stored: a token is valid if its signature holds (the key comes from the seed), it has
 * not expired or been revoked, and, for a refresh token, it has not been used yet. So tokens issued before a restart
 * of the simulator keep working after it, as they do with the real Xero, while each refresh token still works once.
 */
final class XeroIdentity {

    record Tenant(String id, String name) {
    }

    /** A verified token's contents; {@code issued} is a tick of {@link #tick()}. */
    private record Claims(String kind, String clientId, long issued, long expiresAt) {
    }

    private static final String REFRESH = "refresh";
    private static final String ACCESS = "access";

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    /** Refresh tokens given at start or registered by tests, in plain text: token → client id. */
    private final Map<String, String> plainRefreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> plainIssued = new ConcurrentHashMap<>();
    /** Microseconds since the epoch, strictly increasing: orders issues and revocations, across restarts too. */
    private final AtomicLong ticks = new AtomicLong();
    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    private final List<Tenant> tenants = new CopyOnWriteArrayList<>();
    private volatile long refreshTokensRevokedBefore = Long.MIN_VALUE;
    private volatile long accessTokensRevokedBefore = Long.MIN_VALUE;
    private volatile Duration accessTokenLifetime;
    private volatile Duration tokenLatency = Duration.ZERO;

    XeroIdentity(long seed, Duration accessTokenLifetime) {
        try {
            this.key = MessageDigest.getInstance("SHA-256")
                    .digest(("taskhub-xero-simulator-" + seed).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.accessTokenLifetime = accessTokenLifetime;
    }

    void registerClient(String clientId, String clientSecret) {
        clients.put(clientId, clientSecret);
    }

    void registerRefreshToken(String clientId, String refreshToken) {
        plainRefreshTokens.put(refreshToken, clientId);
        plainIssued.put(refreshToken, tick());
        spent.remove(refreshToken);
    }

    /** A new refresh token for the client, as if its user had authorised the app again. */
    String issueRefreshToken(String clientId) {
        return sign(REFRESH, clientId, Long.MAX_VALUE);
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
        refreshTokensRevokedBefore = tick();
    }

    void expireAccessTokens() {
        accessTokensRevokedBefore = tick();
    }

    void setAccessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    void setTokenLatency(Duration latency) {
        this.tokenLatency = latency;
    }

    /** {@code POST /connect/token}: the refresh-token grant, client credentials in HTTP Basic (or in the form). */
    XeroReply token(String authorization, String formBody) {
        pause(tokenLatency);
        Map<String, String> form = parseForm(formBody);
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return XeroReply.oauthError("unsupported_grant_type");
        }
        String[] client = basicCredentials(authorization);
        String clientId = client != null ? client[0] : form.get("client_id");
        String secret = client != null ? client[1] : form.get("client_secret");
        if (clientId == null || secret == null || !secret.equals(clients.get(clientId))) {
            return XeroReply.oauthError("invalid_client");
        }
        String refreshToken = form.getOrDefault("refresh_token", "");
        if (!refreshTokenValid(clientId, refreshToken) || !spent.add(refreshToken)) {
            return XeroReply.oauthError("invalid_grant");
        }
        long now = System.currentTimeMillis();
        Duration lifetime = accessTokenLifetime;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id_token", sign("id", clientId, now + lifetime.toMillis()));
        body.put("access_token", sign(ACCESS, clientId, now + lifetime.toMillis()));
        body.put("expires_in", lifetime.toSeconds());
        body.put("token_type", "Bearer");
        body.put("refresh_token", sign(REFRESH, clientId, Long.MAX_VALUE));
        body.put("scope", "openid profile email accounting.contacts accounting.settings accounting.transactions "
                + "offline_access");
        return XeroReply.json(200, body);
    }

    /** Null if the header carries a live access token, else the reason Xero gives. */
    String refusal(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "AuthenticationUnsuccessful";
        }
        Claims claims = verify(authorization.substring(7).trim());
        if (claims == null || !claims.kind().equals(ACCESS) || claims.issued() < accessTokensRevokedBefore) {
            return "AuthenticationUnsuccessful";
        }
        return claims.expiresAt() <= System.currentTimeMillis() ? "TokenExpired" : null;
    }

    private boolean refreshTokenValid(String clientId, String token) {
        String plainClient = plainRefreshTokens.get(token);
        if (plainClient != null) {
            return plainClient.equals(clientId) && plainIssued.get(token) >= refreshTokensRevokedBefore;
        }
        Claims claims = verify(token);
        return claims != null && claims.kind().equals(REFRESH) && claims.clientId().equals(clientId)
                && claims.issued() >= refreshTokensRevokedBefore;
    }

    private long tick() {
        return ticks.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
    }

    private String sign(String kind, String clientId, long expiresAt) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String payload = String.join("|", kind, clientId, Long.toString(tick()), Long.toString(expiresAt),
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(mac(payload));
    }

    private Claims verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return null;
            }
            String[] parts = payload.split("\\|");
            return new Claims(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[] {decode(pair.substring(0, colon)), decode(pair.substring(colon + 1))};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** application/x-www-form-urlencoded, also used for query strings. */
    static Map<String, String> parseForm(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.putIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
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
