package io.taskhub.sandbox.quickbooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Intuit's OAuth 2.0 side: the app's client, rotating refresh tokens (each works once; a reused one answers
 * {@code 400 invalid_grant}) and access tokens that expire.
 *
 * <p>Tokens are signed, not stored: a token is valid if its signature holds (the key comes from the seed), it has
 * not expired or been revoked, and, for a refresh token, it has not been used yet. So the tokens a sandbox hub stored
 * keep working after both restart, as they do with the real QuickBooks.
 */
final class QuickBooksIdentity {

    private record Claims(String kind, long issued, long expiresAt) {
    }

    private static final String REFRESH = "refresh";
    private static final String ACCESS = "access";
    /** What Intuit says a refresh token lasts (101 days); the simulator does not expire them. */
    private static final long REFRESH_LIFETIME_SECONDS = 8_726_400L;

    private final byte[] key;
    private final String clientId;
    private final String clientSecret;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> plainRefreshTokens = new ConcurrentHashMap<>();
    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    /** Microseconds since the epoch, strictly increasing: orders issues and revocations. */
    private final AtomicLong ticks = new AtomicLong();
    private volatile long refreshTokensRevokedBefore = Long.MIN_VALUE;
    private volatile long accessTokensRevokedBefore = Long.MIN_VALUE;
    private volatile Duration accessTokenLifetime;

    QuickBooksIdentity(long seed, String clientId, String clientSecret, Duration accessTokenLifetime) {
        try {
            this.key = MessageDigest.getInstance("SHA-256")
                    .digest(("taskhub-quickbooks-simulator-" + seed).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /** A refresh token given in plain text (the sandbox's first one); it works once, like any other. */
    void registerRefreshToken(String refreshToken) {
        plainRefreshTokens.put(refreshToken, tick());
        spent.remove(refreshToken);
    }

    /** A new refresh token, as if the company's administrator had connected the app again. */
    String issueRefreshToken() {
        return sign(REFRESH, Long.MAX_VALUE);
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

    /** {@code POST /oauth2/v1/tokens/bearer}: the refresh-token grant, client credentials in HTTP Basic. */
    QuickBooksReply token(String authorization, String formBody) {
        Map<String, String> form = parseForm(formBody);
        String[] client = basicCredentials(authorization);
        if (client == null || !client[0].equals(clientId) || !client[1].equals(clientSecret)) {
            return QuickBooksReply.oauthError(401, "invalid_client");
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return QuickBooksReply.oauthError(400, "unsupported_grant_type");
        }
        String refreshToken = form.getOrDefault("refresh_token", "");
        if (!refreshTokenValid(refreshToken) || !spent.add(refreshToken)) {
            return QuickBooksReply.oauthError(400, "invalid_grant");
        }
        long now = System.currentTimeMillis();
        Duration lifetime = accessTokenLifetime;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("x_refresh_token_expires_in", REFRESH_LIFETIME_SECONDS);
        body.put("refresh_token", sign(REFRESH, Long.MAX_VALUE));
        body.put("access_token", sign(ACCESS, now + lifetime.toMillis()));
        body.put("token_type", "bearer");
        body.put("expires_in", lifetime.toSeconds());
        return QuickBooksReply.json(200, body);
    }

    /** Null if the header carries a live access token, else why not. */
    String refusal(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "No bearer token";
        }
        Claims claims = verify(authorization.substring(7).trim());
        if (claims == null || !claims.kind().equals(ACCESS) || claims.issued() < accessTokensRevokedBefore) {
            return "Token invalid";
        }
        return claims.expiresAt() <= System.currentTimeMillis() ? "Token expired" : null;
    }

    private boolean refreshTokenValid(String token) {
        Long plainIssued = plainRefreshTokens.get(token);
        if (plainIssued != null) {
            return plainIssued >= refreshTokensRevokedBefore;
        }
        Claims claims = verify(token);
        return claims != null && claims.kind().equals(REFRESH) && claims.issued() >= refreshTokensRevokedBefore;
    }

    private long tick() {
        return ticks.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
    }

    private String sign(String kind, long expiresAt) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String payload = String.join("|", kind, Long.toString(tick()), Long.toString(expiresAt),
                base64.encodeToString(nonce));
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
            return new Claims(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
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

    /** application/x-www-form-urlencoded, also used for query strings; the first of a repeated name wins. */
    static Map<String, String> parseForm(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.putIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)),
                        eq < 0 ? "" : decode(pair.substring(eq + 1)));
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
}
