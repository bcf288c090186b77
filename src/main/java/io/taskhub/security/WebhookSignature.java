package io.taskhub.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature Xero and QuickBooks put on a webhook delivery: base64(HMAC-SHA256(raw body, shared key)). Compared in
 * constant time, so that answer times tell a forger nothing about how close a guess came.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** False for a missing or malformed signature, and whenever the key is not configured. */
    public static boolean valid(byte[] body, String signature, String key) {
        if (key == null || key.isBlank() || signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body, key), given);
    }

    /** Two secrets compared in constant time (Insightly's per-integration secret). */
    public static boolean sameSecret(String given, String expected) {
        return given != null && expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
