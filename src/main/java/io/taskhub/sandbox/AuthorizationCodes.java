package io.taskhub.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated provider's authorize endpoint and the codes it hands out (OAuth 2.0 authorization-code flow with
 * PKCE). No one signs in: the sandbox approves at once, unless a test makes it deny. A code is good once, for the
 * client and redirect URI it was issued to, and, when a challenge came with it, for the matching S256 verifier only.
 */
public final class AuthorizationCodes {

    private record Issued(String clientId, String redirectUri, String challenge) {
    }

    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean deny;

    /** From now on the user "clicks Deny": the browser goes back with {@code error=access_denied}. */
    public void denyAuthorizations(boolean deny) {
        this.deny = deny;
    }

    /**
     * Where the authorize endpoint sends the browser: the redirect URI with a code (and {@code extra}, such as the
     * company chosen) or an error, and the state. Null for a request that names no redirect URI or no code flow,
     * which the simulator answers with a 400 page, as providers do.
     */
    public String authorize(Map<String, String> query, Map<String, String> extra) {
        String redirectUri = query.get("redirect_uri");
        if (!"code".equals(query.get("response_type")) || redirectUri == null || redirectUri.isBlank()) {
            return null;
        }
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        if (deny) {
            location.append("error=access_denied");
        } else {
            String code = newCode();
            String challenge = "S256".equals(query.get("code_challenge_method")) ? query.get("code_challenge") : null;
            codes.put(code, new Issued(query.get("client_id"), redirectUri, challenge));
            location.append("code=").append(code);
            extra.forEach((name, value) -> location.append('&').append(name).append('=').append(encode(value)));
        }
        String state = query.get("state");
        if (state != null) {
            location.append("&state=").append(encode(state));
        }
        return location.toString();
    }

    /** Spends the code of a token request; false (invalid_grant) for anything that does not match it. */
    public boolean redeem(Map<String, String> form, String clientId) {
        String code = form.get("code");
        Issued issued = code == null ? null : codes.remove(code);
        if (issued == null || !issued.clientId().equals(clientId)
                || !issued.redirectUri().equals(form.get("redirect_uri"))) {
            return false;
        }
        if (issued.challenge() == null) {
            return true;
        }
        String verifier = form.get("code_verifier");
        return verifier != null && issued.challenge().equals(challenge(verifier));
    }

    /** A refresh token for a redeemed code. */
    public String newRefreshToken() {
        return "sandbox-rt-" + newCode();
    }

    private String newCode() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
