package io.taskhub.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/** A simulated provider's token revocation endpoint: how many grants it revoked, and whether it refuses (tests). */
public final class Revocations {

    private final AtomicInteger revoked = new AtomicInteger();
    private volatile boolean refuse;

    /** From now on revocation requests answer 400, as a provider that does not know the token would. */
    public void refuse(boolean refuse) {
        this.refuse = refuse;
    }

    /** Whether this request is granted; counts those that are. */
    public boolean grant() {
        if (refuse) {
            return false;
        }
        revoked.incrementAndGet();
        return true;
    }

    public int revoked() {
        return revoked.get();
    }
}
