package io.taskhub.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.taskhub.provider.Provider;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logged-in provider sessions kept between runs, one per integration, for a provider whose login is costly (a
 * client of its own, a login call). Each integration logs in under its own lock, so a slow login delays only its
 * own runs. A run holds its session until it ends; beyond {@code kept} sessions, the least recently used idle ones
 * are closed, so that a hub with many accounts keeps a bounded number (more only while more runs need them).
 * Closing may call the provider (a logout): that happens on a closer thread, so that no run waits for another
 * account's logout.
 */
public final class SessionPool<S extends SessionPool.Session> {

    /** The exchange property naming the session a run holds, for its provider's endpoints. */
    public static final String SESSION = "session";

    /** A logged-in session. */
    public interface Session {
        /** What the routes name it by. */
        String name();

        /** The credentials it is logged in with: a run whose connection has other ones needs a new session. */
        boolean loggedInWith(Provider.Connection connection);

        /** Logs out and lets go of its resources; it may call the provider. */
        void close();
    }

    /** How a provider logs in: a failure is the provider's words, as a rejection or an outage. */
    @FunctionalInterface
    public interface Login<S> {
        S login(long integrationId, Provider.Connection connection);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);
    /** Logouts under way at once: each mostly waits for its provider's answer. */
    private static final int CLOSERS = 8;

    /** An integration's current session; its monitor serialises that integration's logins only. */
    private static final class Account<S> {
        private Held<S> current;
    }

    private final int kept;
    private final Login<S> login;
    // entries stay (a few bytes an integration): removing one could race with a login about to start under it
    private final Map<Long, Account<S>> accounts = new ConcurrentHashMap<>();
    private final Set<Held<S>> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong ticks = new AtomicLong();
    private final ExecutorService closer;

    public SessionPool(String provider, int kept, Login<S> login) {
        this.kept = kept;
        this.login = login;
        this.closer = Executors.newFixedThreadPool(CLOSERS, runnable -> {
            Thread thread = new Thread(runnable, provider + "-logout");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The session of the integration being synced, logged in first if it has none yet; the run holds it until its
     * exchange is done, however it ends. Its name goes into the exchange property {@link #SESSION}.
     */
    public S hold(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        Held<S> held = acquire(sync.integrationId(), sync.connection());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                release(held);
            }
        });
        exchange.setProperty(SESSION, held.session.name());
        return held.session;
    }

    /** Held until {@link #release}: for a call outside a run. */
    public Held<S> acquire(long integrationId, Provider.Connection connection) {
        Account<S> account = accounts.computeIfAbsent(integrationId, id -> new Account<>());
        Held<S> replaced = null;
        Held<S> held;
        synchronized (account) {
            held = account.current;
            if (held == null || !held.session.loggedInWith(connection) || !held.use(ticks.incrementAndGet())) {
                Held<S> fresh = new Held<>(integrationId, login.login(integrationId, connection));
                fresh.use(ticks.incrementAndGet());
                live.add(fresh);
                replaced = held;
                account.current = fresh;
                held = fresh;
            }
        }
        if (replaced != null && replaced.retire()) {
            closeLater(replaced);
        }
        evictIdle();
        return held;
    }

    public void release(Held<S> held) {
        if (held.release()) {
            closeLater(held);
        }
        evictIdle();
    }

    /** Sessions are closed outside the lock: closing one may call its provider. */
    private void evictIdle() {
        List<Held<S>> evicted = new ArrayList<>();
        synchronized (live) {
            while (live.size() > kept) {
                Held<S> eldest = live.stream().min(Comparator.comparingLong(Held::idleSince)).orElseThrow();
                if (eldest.idleSince() == Long.MAX_VALUE) {
                    break;
                }
                if (eldest.closeIfIdle()) {
                    live.remove(eldest);
                    evicted.add(eldest);
                }
            }
        }
        evicted.forEach(this::closeLater);
    }

    /** Forgotten at once (a closed session may still hold its client's buffers), closed on a closer thread. */
    private void closeLater(Held<S> held) {
        live.remove(held);
        Account<S> account = accounts.get(held.integrationId);
        if (account != null) {
            synchronized (account) {
                if (account.current == held) {
                    account.current = null;
                }
            }
        }
        closer.execute(() -> {
            try {
                held.session.close();
            } catch (RuntimeException e) { // its token lapses at the provider anyway
                LOG.info("{} did not log out: {}", held.session.name(), e.getMessage());
            }
        });
    }

    /** Each kept session logs out as the hub stops. */
    public void closeAll() throws InterruptedException {
        List.copyOf(live).forEach(this::closeLater);
        closer.shutdown();
        closer.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * A session and the runs that use it. It is closed once, by whoever sees it idle and unwanted first: replaced
     * by new credentials, or evicted as the least recently used.
     */
    public static final class Held<S> {

        private final long integrationId;
        private final S session;
        private int users;
        private long lastUsed;
        private boolean retired;
        private boolean closed;

        private Held(long integrationId, S session) {
            this.integrationId = integrationId;
            this.session = session;
        }

        public S session() {
            return session;
        }

        /** A run starts using it; false if it was closed meanwhile and the run must log in anew. */
        private synchronized boolean use(long tick) {
            if (closed) {
                return false;
            }
            users++;
            lastUsed = tick;
            return true;
        }

        /** A run ends; true if the caller must close it (it was replaced and this was its last run). */
        private synchronized boolean release() {
            users--;
            return retired && closeIfIdle();
        }

        /** New credentials replaced it; true if the caller must close it (no run uses it). */
        private synchronized boolean retire() {
            retired = true;
            return closeIfIdle();
        }

        /** True if no run uses it and it is now the caller's to close. */
        private synchronized boolean closeIfIdle() {
            if (closed || users > 0) {
                return false;
            }
            closed = true;
            return true;
        }

        /** When a run last took it, or {@link Long#MAX_VALUE} while a run uses it (never the one to evict). */
        private synchronized long idleSince() {
            return users > 0 ? Long.MAX_VALUE : lastUsed;
        }
    }
}
