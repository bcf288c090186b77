package io.taskhub.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reading the schemes of an HTTP {@code Authorization} header that the simulated providers accept. */
public final class AuthorizationHeader {

    /** An OAuth client's id and secret. */
    public record ClientCredentials(String id, String secret) {
    }

    private AuthorizationHeader() {
    }

    /** The decoded {@code user:password} text of a {@code Basic} header (scheme in any case), or null. */
    public static String basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Client credentials sent in HTTP Basic, as OAuth 2.0 (RFC 6749, 2.3.1) has them: both parts form-encoded before
     * Base64, so they are decoded here. Null without a Basic header or without the ':' between id and secret.
     */
    public static ClientCredentials clientCredentials(String authorization) {
        String pair = basic(authorization);
        int colon = pair == null ? -1 : pair.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new ClientCredentials(FormEncoding.decode(pair.substring(0, colon)),
                FormEncoding.decode(pair.substring(colon + 1)));
    }

    /** The token of a {@code Bearer} header (scheme in any case), or null. */
    public static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
