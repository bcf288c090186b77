package io.taskhub.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything an operator can set, bound from {@code hub.*} (mostly fed by the {@code HUB_*} environment variables). */
@ConfigurationProperties("hub")
public record HubProperties(Path dataDir, Db db, String secretKey, Operator operator, Sync sync) {

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
     */
    public record Sync(int workers, Duration lease, Duration fullEvery, Duration forcedWait, Duration recoveryCheck,
                       int forcedQueue, Duration runDeadline, int confirmedDeletions) {
    }
}
