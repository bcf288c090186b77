package io.taskhub.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub's own knobs, bound from {@code hub.*} (mostly fed by the {@code HUB_*} environment variables); each
 * provider has a record of its own ({@code hub.<provider>.*}). Defaults: {@code application.yml}.
 *
 * @param endpointHosts hosts that integrations' endpoint overrides may point at besides the providers' own domains
 * @param publicUrl     where the hub is reachable, for the webhook URLs it hands out and the OAuth callbacks; empty:
 *                      {@code http://localhost:{port}}
 */
@ConfigurationProperties("hub")
public record HubProperties(Path dataDir, Db db, String secretKey, Operator operator, Sync sync,
                            String endpointHosts, String publicUrl, Logins security) {

    /**
     * An empty url means: run the embedded PostgreSQL under {@code dataDir}.
     *
     * @param healthTimeout how long the health check waits for the database before it answers DOWN
     */
    public record Db(String url, String user, String password, int poolSize, Duration healthTimeout) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Operator(String user, String password) {
    }

    /**
     * @param workers       syncs one instance runs at once (Quartz threads)
     * @param lease         how long an instance may go silent before another takes its sync over
     * @param fullEvery     how often a timer sync becomes a full reconciliation
     * @param forcedWait    how long {@code ?wait=true} waits before answering 202
     * @param recoveryCheck how often each instance looks for syncs whose lease lapsed, to run them again
     * @param forcedQueue   forced syncs that may wait for a worker; more answer 503
     * @param runDeadline   how long one run may take in all (pages, retries, waits) before it fails
     * @param confirmedDeletions unseen records of a type that a full reconciliation paged by offset confirms gone
     *                      (one read each) before archiving them; the rest wait for the next one
     * @param retries       tries after a provider's 5xx, timeout or unreadable answer (exponential back-off)
     * @param retryDelayMs  the first back-off
     * @param throttledRetries tries after a 429, each after the provider's Retry-After
     * @param longestRetryAfter the longest Retry-After waited out, whatever the provider asks
     */
    public record Sync(int workers, Duration lease, Duration fullEvery, Duration forcedWait, Duration recoveryCheck,
                       int forcedQueue, Duration runDeadline, int confirmedDeletions, int retries, long retryDelayMs,
                       int throttledRetries, Duration longestRetryAfter) {
    }

    /**
     * @param verifiedLoginTtl      how long a verified password spares bcrypt on the next requests
     * @param loginFailures         failed logins of one login before its further tries answer 429...
     * @param addressLoginFailures  ...and failed logins from one client address before its further tries do (larger:
     *                              many users may share one address, behind a proxy or a NAT)
     * @param loginFailureWindow    ...until this long after the first of them
     * @param concurrentLoginChecks bcrypt checks run at once; more wait up to 2 s, then 429
     */
    public record Logins(Duration verifiedLoginTtl, int loginFailures, int addressLoginFailures,
                         Duration loginFailureWindow,
                         int concurrentLoginChecks) {
    }
}
