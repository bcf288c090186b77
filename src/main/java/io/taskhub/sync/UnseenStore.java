package io.taskhub.sync;

import java.util.Collection;
import java.util.List;

/**
 * Where a provider's imported records remember the run that last saw them (route template unseen-by-id names its
 * bean as {@code store}): what a full reconciliation did not see, and what it keeps of that.
 */
public interface UnseenStore {

    /** The external ids of the type's records this run did not see, in id order. */
    List<String> unseen(SyncContext sync, String type);

    /** Marks these as seen by this run: the provider still has them, or the next reconciliation confirms them. */
    void keep(SyncContext sync, String type, Collection<String> externalIds);
}
