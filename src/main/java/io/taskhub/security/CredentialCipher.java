package io.taskhub.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals provider credentials at rest with AES-256-GCM, each value bound to its integration: the integration id is
 * the associated data, so a value copied into another integration's row fails to open there. A value is a format
 * version byte, a fresh 96-bit nonce and the ciphertext; GCM's tag makes a tampered, misplaced or wrongly keyed
 * value fail loudly instead of decrypting to garbage.
 */
public final class CredentialCipher {

    /** A sealed value that does not open here: another key, another integration's row, or tampered with. */
    public static final class Unopenable extends IllegalStateException {
        Unopenable(String message) {
            super(message);
        }
    }

    private static final byte VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /*
     * A passphrase is stretched with PBKDF2 rather than HKDF: HKDF assumes an input that is already as strong as a
     * key, while an operator's passphrase may be guessable, and the iterations make each guess cost as much as one
     * start of the hub. The salt is fixed because there is nowhere to keep a random one before the key exists (it
     * would have to live beside the data the key protects); it still keeps precomputed tables made for other
     * programs useless. 600,000 iterations: OWASP's figure for PBKDF2-HMAC-SHA256 (2023).
     */
    private static final byte[] SALT = "taskhub HUB_SECRET_KEY credentials v1".getBytes(StandardCharsets.UTF_8);
    private static final int ITERATIONS = 600_000;

    private final SecretKeySpec key;
    private final SecretKeySpec legacyKey;
    private final SecureRandom random = new SecureRandom();

    /** The base64 form of 32 bytes (what the hub generates) is the key itself; anything else is a passphrase. */
    public CredentialCipher(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the secret key is empty");
        }
        this.key = new SecretKeySpec(derive(secret.trim()), "AES");
        this.legacyKey = new SecretKeySpec(sha256(secret), "AES");
    }

    public byte[] seal(long integrationId, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(integrationId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal credentials", e);
        }
    }

    /** Throws {@link Unopenable}, whose message is fit for a client, if the value was not sealed for this row. */
    public String open(long integrationId, byte[] sealed) {
        if (sealed.length <= 1 + NONCE_BYTES || sealed[0] != VERSION) {
            throw unopenable(integrationId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(integrationId));
            byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // the cause would only add GCM's "Tag mismatch", which clients cannot act on
            throw unopenable(integrationId);
        }
    }

    /**
     * A value sealed before values were bound to their integration: a nonce and the ciphertext, under the SHA-256
     * of the secret, no associated data. Only for re-sealing such values once, never for using them.
     */
    public String openLegacy(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, legacyKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new Unopenable("cannot open credentials sealed by an earlier version: was HUB_SECRET_KEY changed?");
        }
    }

    /** The version is bound too: a value cannot be passed off as another format's. */
    private static byte[] associatedData(long integrationId) {
        return ByteBuffer.allocate(1 + Long.BYTES).put(VERSION).putLong(integrationId).array();
    }

    private static Unopenable unopenable(long integrationId) {
        return new Unopenable("the stored credentials of integration " + integrationId + " cannot be opened: they "
                + "were sealed with another HUB_SECRET_KEY or for another integration; re-enable it with its "
                + "credentials");
    }

    private static byte[] derive(String secret) {
        byte[] raw = rawKey(secret);
        if (raw != null) {
            return raw;
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, KEY_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rawKey(String secret) {
        try {
            byte[] decoded = Base64.getDecoder().decode(secret);
            return decoded.length == KEY_BYTES ? decoded : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
