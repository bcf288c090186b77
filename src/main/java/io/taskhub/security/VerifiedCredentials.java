package io.taskhub.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (tens of milliseconds). A
 * password verified once is remembered briefly, as an HMAC (of the client address, login and password) under a key
 * that lives only in this process, so a client's next requests skip bcrypt. A removed user is forgotten at once.
 */
public class VerifiedCredentials implements AuthenticationProvider {

    private record Entry(HubPrincipal principal, long expiresAt) {
    }

    private final DaoAuthenticationProvider bcrypt;
    private final LoginThrottle throttle;
    private final long ttlMillis;
    private final SecretKeySpec key;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    public VerifiedCredentials(DaoAuthenticationProvider bcrypt, LoginThrottle throttle, Duration ttl) {
        this.bcrypt = bcrypt;
        this.throttle = throttle;
        this.ttlMillis = ttl.toMillis();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String address = address(request);
        String digest = digest(request.getName(), String.valueOf(request.getCredentials()), address);
        Entry entry = verified.get(digest);
        long now = System.currentTimeMillis();
        if (entry != null && entry.expiresAt() > now) {
            return UsernamePasswordAuthenticationToken.authenticated(entry.principal(), null,
                    entry.principal().getAuthorities());
        }
        // a client that logged in moments ago keeps working while someone else guesses at its login; it is
        // remembered for its own address only, or a guess from anywhere would be answered from memory during a
        // lockout: 429 for a wrong one, 200 for the right one (a guesser sharing its address, behind one NAT, still
        // could: the price of not locking every such client out)
        Authentication result = throttle.check(request.getName(), address,
                () -> bcrypt.authenticate(request));
        if (result != null && result.getPrincipal() instanceof HubPrincipal principal) {
            if (verified.size() > 10_000) {
                verified.values().removeIf(e -> e.expiresAt() <= now);
            }
            verified.put(digest, new Entry(principal, now + ttlMillis));
        }
        return result;
    }

    private static String address(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    /** Called when a user is removed: its remembered logins stop working immediately. */
    public void forget(String login) {
        verified.values().removeIf(e -> e.principal().login().equalsIgnoreCase(login));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String digest(String login, String password, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(address.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(login.toLowerCase().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return java.util.HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
