package io.taskhub.sync;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.taskhub.model.RunCounts;
import io.taskhub.model.RunProgress;
import io.taskhub.provider.Provider;

/**
 * Everything one sync run needs, carried through the routes as the exchange property {@code sync}. Provider routes
 * read it (credentials, selected types, cursors) and the shared writer adds up the counts in it.
 */
public final class SyncContext {

    public static final String PROPERTY = "sync";

    private final long runId;
    private final long integrationId;
    private final long accountId;
    private final Provider provider;
    private final Provider.Connection connection;
    private final List<String> selectedTypes;
    private final boolean full;
    private final Map<String, String> cursors;
    private final Map<String, Long> parents;
    private String pacedTenant;
    private final PageWrites writes = new PageWrites();
    private final long startedNanos = System.nanoTime();
    private RunCounts counts = RunCounts.NONE;
    private RunProgress progress;
    private final Map<String, Integer> totals = new HashMap<>();
    private final Map<String, Long> limits = new HashMap<>();

    /**
     * @param parents the task each type's records sit under by default: its list, or the root
     */
    public SyncContext(long runId, long integrationId, long accountId, Provider provider,
                       Provider.Connection connection, List<String> selectedTypes, boolean full,
                       Map<String, String> cursors, Map<String, Long> parents) {
        this.runId = runId;
        this.integrationId = integrationId;
        this.accountId = accountId;
        this.provider = provider;
        this.connection = connection;
        this.selectedTypes = List.copyOf(selectedTypes);
        this.full = full;
        this.cursors = cursors;
        this.parents = Map.copyOf(parents);
    }

    public long runId() {
        return runId;
    }

    public long integrationId() {
        return integrationId;
    }

    public long accountId() {
        return accountId;
    }

    public String provider() {
        return provider.id();
    }

    public Provider.Connection connection() {
        return connection;
    }

    /** Whom the provider's rate limits count this run's calls against: {@code provider:tenant} ({@link TenantPacing}). */
    public synchronized String pacedTenant() {
        if (pacedTenant == null) { // a digest: worked out once a run, not at every call
            String tenant = provider.pacedTenant(connection);
            pacedTenant = provider.id() + ":" + (tenant == null ? "integration-" + integrationId : tenant);
        }
        return pacedTenant;
    }

    public List<String> selectedTypes() {
        return selectedTypes;
    }

    /** A full reconciliation reads everything and archives what was not seen; otherwise only changes are read. */
    public boolean full() {
        return full;
    }

    /** Where the incremental fetch of a type starts; null for a full reconciliation or a type never fetched. */
    public String cursor(String type) {
        return full ? null : cursors.get(type);
    }

    public long defaultParent(String type) {
        Long parent = parents.get(type);
        if (parent == null) {
            throw new IllegalArgumentException("type " + type + " is not selected");
        }
        return parent;
    }

    /**
     * Fails the run once it has gone on longer than {@code deadline}, or would after waiting {@code wait} more: every
     * call is bounded, but a run of many slow pages and long throttling waits must end too.
     */
    public void requireTimeLeft(Duration deadline, Duration wait) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        if (elapsed.plus(wait).compareTo(deadline) > 0) {
            throw new IllegalStateException("the run passed its deadline of " + deadline.toMinutes() + " min "
                    + "(hub.sync.run-deadline)" + (wait.isZero() ? "" : " waiting " + wait.toSeconds()
                    + " s more as the provider asked"));
        }
    }

    /** This run's pages being stored while the next is fetched. */
    PageWrites writes() {
        return writes;
    }

    public synchronized void add(RunCounts page) {
        counts = counts.plus(page);
    }

    public synchronized RunCounts counts() {
        return counts;
    }

    /** Books a stored page on the progress: a new type starts counting its pages and records from zero. */
    synchronized RunProgress stored(StoredPage page) {
        boolean sameType = progress != null && progress.type().equals(page.type());
        progress = new RunProgress(page.type(), (sameType ? progress.pages() : 0) + 1,
                (sameType ? progress.records() : 0) + page.records(), totals.get(page.type()));
        return progress;
    }

    /** The provider's budget as its latest answer said it ({@link LimitHeaders}). */
    public synchronized void limit(String name, long remaining) {
        limits.put(name, remaining);
    }

    synchronized Map<String, Long> limits() {
        return Map.copyOf(limits);
    }

    /** How many records the provider said a type's import will read, where it tells (Salesforce's totalSize). */
    synchronized void expect(String type, int total) {
        totals.put(type, total);
    }

    @Override
    public String toString() {
        return "SyncContext[run " + runId + ", integration " + integrationId + ", " + provider.id()
                + (full ? ", full" : ", incremental") + ", types " + selectedTypes + "]";
    }

    /**
     * Every statement that writes for a run checks the run's own lease and answers {@code lease_held}: 0 means
     * another run of the integration owns it now, and this one stops, having written nothing.
     */
    public void requireLease(Map<String, Object> statementAnswer) {
        if (((Number) statementAnswer.get("lease_held")).intValue() == 0) {
            throw new IllegalStateException("lost the lease on integration " + integrationId()
                    + ": another run of it owns the lease now");
        }
    }
}
