package io.taskhub.provider.oauth;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What a refresh-token grant answers, and how it sits among an integration's sealed credentials: the refresh token
 * replaces the one that was used, the access token and its expiry sit beside it so that every hub instance can reuse
 * them.
 */
public record TokenSet(String accessToken, Instant expiresAt, String refreshToken) {

    /** The credential names this machinery reads and writes; providers that use it name their credentials so. */
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";
    public static final String REFRESH_TOKEN = "refreshToken";
    public static final String ACCESS_TOKEN = "accessToken";
    public static final String EXPIRES_AT = "accessTokenExpiresAt";

    public Map<String, String> asCredentials() {
        return Map.of(ACCESS_TOKEN, accessToken, EXPIRES_AT, expiresAt.toString(), REFRESH_TOKEN, refreshToken);
    }

    /** Whether the access token stored in these credentials is still good for at least {@code margin}. */
    static boolean storedTokenUsable(Map<String, String> credentials, Instant now, Duration margin) {
        String token = credentials.get(ACCESS_TOKEN);
        String expiry = credentials.get(EXPIRES_AT);
        if (token == null || token.isBlank() || expiry == null) {
            return false;
        }
        try {
            return Instant.parse(expiry).minus(margin).isAfter(now);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "TokenSet[expiresAt=" + expiresAt + ", tokens hidden]";
    }
}
