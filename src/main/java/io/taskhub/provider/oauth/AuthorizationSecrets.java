package io.taskhub.provider.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The state and the PKCE verifier of a sign-in (RFC 7636), and the digests that stand for them. */
public final class AuthorizationSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private AuthorizationSecrets() {
    }

    /** 256 random bits in 43 URL-safe characters: fit for a state and for a verifier (43 to 128 characters). */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    /** What the database keeps of a state: its SHA-256, so that a copy of the table starts no callback. */
    public static byte[] stateHash(String state) {
        return sha256(state);
    }

    /** The S256 code challenge of a verifier. */
    public static String challenge(String verifier) {
        return URL_SAFE.encodeToString(sha256(verifier));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
