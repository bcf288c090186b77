package io.taskhub.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.security.core.AuthenticationException;

/**
 * Bounds password guessing and what it costs: after {@code maxFailures} failed logins of one login within
 * {@code window}, or {@code maxAddressFailures} from one client address (more: one address may stand for many users
 * behind a proxy or a NAT, who should not all be locked out by one of them), further attempts are refused (429,
 * {@code Retry-After}) without a bcrypt check until the window lapses; and only a few bcrypt checks run at once,
 * whoever asks.
 */
public class LoginThrottle {

    /** A login refused without checking it. */
    public static class Throttled extends AuthenticationException {
        private final long retryAfterSeconds;

        Throttled(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private record Failures(long windowStart, int count) {
    }

    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final int maxAddressFailures;
    private final long windowMillis;
    private final Semaphore checks;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, int maxAddressFailures, Duration window, int concurrentChecks) {
        this.maxFailures = maxFailures;
        this.maxAddressFailures = maxAddressFailures;
        this.windowMillis = window.toMillis();
        this.checks = new Semaphore(concurrentChecks);
    }

    /** Runs the password check unless the login or the address is throttled; counts a failure it throws. */
    public <T> T check(String login, String address, PasswordCheck<T> check) {
        String loginKey = "login:" + login.toLowerCase();
        String addressKey = "address:" + address;
        refuseIfThrottled(loginKey, maxFailures);
        refuseIfThrottled(addressKey, maxAddressFailures);
        boolean admitted;
        try {
            admitted = checks.tryAcquire(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new Throttled("too many logins are being checked: try again in a moment", 1);
        }
        try {
            T result = check.run();
            failures.remove(loginKey);
            return result;
        } catch (AuthenticationException e) {
            failed(loginKey);
            failed(addressKey);
            throw e;
        } finally {
            checks.release();
        }
    }

    /** The bcrypt check itself. */
    @FunctionalInterface
    public interface PasswordCheck<T> {
        T run();
    }

    private void refuseIfThrottled(String key, int max) {
        Failures seen = failures.get(key);
        long now = System.currentTimeMillis();
        if (seen != null && seen.count() >= max && now - seen.windowStart() < windowMillis) {
            long wait = (seen.windowStart() + windowMillis - now + 999) / 1000;
            throw new Throttled("too many failed logins: try again in " + wait + " s", wait);
        }
    }

    private void failed(String key) {
        long now = System.currentTimeMillis();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> now - f.windowStart() >= windowMillis);
        }
        failures.merge(key, new Failures(now, 1), (old, one) -> now - old.windowStart() >= windowMillis
                ? one : new Failures(old.windowStart(), old.count() + 1));
    }
}
