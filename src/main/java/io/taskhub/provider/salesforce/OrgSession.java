package io.taskhub.provider.salesforce;

import org.apache.camel.component.salesforce.SalesforceComponent;

/**
 * One org's logged-in camel-salesforce component and the runs that use it. It is closed once, by whoever sees it
 * idle and unwanted first: replaced by new credentials, or evicted as the least recently used.
 */
final class OrgSession {

    final long integrationId;
    final String name;
    final int credentialsHash;
    final SalesforceComponent component;
    private int users;
    private long lastUsed;
    private boolean retired;
    private boolean closed;

    OrgSession(long integrationId, String name, int credentialsHash, SalesforceComponent component) {
        this.integrationId = integrationId;
        this.name = name;
        this.credentialsHash = credentialsHash;
        this.component = component;
    }

    /** A run starts using it; false if it was closed meanwhile and the run must log in anew. */
    synchronized boolean use(long tick) {
        if (closed) {
            return false;
        }
        users++;
        lastUsed = tick;
        return true;
    }

    /** A run ends; true if the caller must close it (it was replaced and this was its last run). */
    synchronized boolean release() {
        users--;
        return retired && closeIfIdle();
    }

    /** New credentials replaced it; true if the caller must close it (no run uses it). */
    synchronized boolean retire() {
        retired = true;
        return closeIfIdle();
    }

    /** True if no run uses it and it is now the caller's to close. */
    synchronized boolean closeIfIdle() {
        if (closed || users > 0) {
            return false;
        }
        closed = true;
        return true;
    }

    /** When a run last took it, or {@link Long#MAX_VALUE} while a run uses it (never the one to evict). */
    synchronized long idleSince() {
        return users > 0 ? Long.MAX_VALUE : lastUsed;
    }
}
