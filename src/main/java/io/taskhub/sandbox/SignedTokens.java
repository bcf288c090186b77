package io.taskhub.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that are signed, not stored, for the OAuth simulators: a token carries its own fields, the tick it was issued
 * at and when it expires, under an HMAC whose key comes from the seed. So tokens issued before a restart of the
 * simulator still verify after it, as they do with the real provider; what a simulator refuses beyond that (revoked,
 * expired, already used) it decides from the claims.
 *
 * <p>The token is {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}, the payload
 * {@code field|...|issued|expiresAt|nonce}.
 */
public final class SignedTokens {

    /** A verified token's contents; {@code issued} is a {@link #tick()}, {@code expiresAt} epoch milliseconds. */
    public record Claims(List<String> fields, long issued, long expiresAt) {
    }

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();
    /** Microseconds since the epoch, strictly increasing: orders issues and revocations, across restarts too. */
    private final AtomicLong ticks = new AtomicLong();

    /** Tokens of the simulator called {@code simulator} (e.g. "xero"); the same name and seed give the same key. */
    public SignedTokens(String simulator, long seed) {
        try {
            this.key = MessageDigest.getInstance("SHA-256")
                    .digest(("taskhub-" + simulator + "-simulator-" + seed).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The next tick of the clock tokens are issued by. Revocations take a tick too, so "issued before the revocation"
     * is a comparison of ticks, exact even within one millisecond.
     */
    public long tick() {
        return ticks.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
    }

    /** A new token carrying {@code fields}, issued now, expiring at epoch millis; a '|' in a field would not verify. */
    public String sign(long expiresAt, String... fields) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String[] parts = Arrays.copyOf(fields, fields.length + 3);
        parts[fields.length] = Long.toString(tick());
        parts[fields.length + 1] = Long.toString(expiresAt);
        parts[fields.length + 2] = base64.encodeToString(nonce);
        String payload = String.join("|", parts);
        return base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(mac(payload));
    }

    /**
     * The claims of a token this signed with {@code fieldCount} fields, or null if it is malformed or its signature
     * does not hold. Expiry and revocation are the caller's to check.
     */
    public Claims verify(String token, int fieldCount) {
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
            long issued = Long.parseLong(parts[fieldCount]);
            long expiresAt = Long.parseLong(parts[fieldCount + 1]);
            return new Claims(List.of(Arrays.copyOf(parts, fieldCount)), issued, expiresAt);
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
}
