package io.taskhub.provider.salesforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.taskhub.config.HttpProperties;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.sync.Causes;
import io.taskhub.sync.SyncContext;
import jakarta.annotation.PreDestroy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One camel-salesforce component per connected org: the component holds the org's login and session, and renews
 * the session on a 401. Each org logs in under its own lock, so a slow login URL delays only its own runs. A run
 * holds its org's component until it ends; beyond {@code hub.salesforce.kept-sessions} components, the least
 * recently used idle ones are stopped, so that a hub with many accounts keeps a bounded number of HTTP clients
 * (more only while more runs need them). A stopped component logs out, a call to its org: that happens on a closer
 * thread of its own, so that no run waits for another org's logout.
 */
@Component("salesforceSessions")
public class SalesforceSessions {

    /** Exchange property naming the component of the integration being synced. */
    public static final String COMPONENT = "salesforceComponent";
    /** Room for one CSV row of a Bulk result: the selected fields take 150 to 300 bytes. */
    private static final int BULK_ROW_BYTES = 1024;

    /** An integration's current session; its monitor serialises that integration's logins only. */
    private static final class Org {
        private OrgSession current;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceSessions.class);

    private final CamelContext camel;
    private final SalesforceProperties properties;
    private final HttpProperties http;
    // entries stay (a few bytes an integration): removing one could race with a login about to start under it
    private final Map<Long, Org> orgs = new ConcurrentHashMap<>();
    private final Set<OrgSession> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong names = new AtomicLong();
    private final ExecutorService closer = Executors.newFixedThreadPool(CLOSERS, runnable -> {
        Thread thread = new Thread(runnable, "salesforce-logout");
        thread.setDaemon(true);
        return thread;
    });

    /** Logouts under way at once: each mostly waits for its org's answer. */
    private static final int CLOSERS = 8;

    public SalesforceSessions(CamelContext camel, SalesforceProperties properties, HttpProperties http) {
        this.camel = camel;
        this.properties = properties;
        this.http = http;
    }

    /**
     * Names the integration's component for the routes, logging in first if it has none yet; the run holds it
     * until its exchange is done, however it ends.
     */
    public void open(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        OrgSession session = acquire(sync.integrationId(), sync.connection());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                release(session);
            }
        });
        exchange.setProperty(COMPONENT, session.name);
    }

    OrgSession acquire(long integrationId, Provider.Connection connection) {
        int hash = Objects.hash(connection.credentials(), connection.endpoint());
        Org org = orgs.computeIfAbsent(integrationId, id -> new Org());
        OrgSession replaced = null;
        OrgSession session;
        synchronized (org) {
            session = org.current;
            if (session == null || session.credentialsHash != hash || !session.use(ticks.incrementAndGet())) {
                OrgSession fresh = login(integrationId, connection, hash);
                fresh.use(ticks.incrementAndGet());
                replaced = session;
                org.current = fresh;
                session = fresh;
            }
        }
        if (replaced != null && replaced.retire()) {
            closeLater(replaced);
        }
        evictIdle();
        return session;
    }

    void release(OrgSession session) {
        if (session.release()) {
            closeLater(session);
        }
        evictIdle();
    }

    /** Components are stopped outside the lock: stopping one logs out, an HTTP call to that org. */
    private void evictIdle() {
        List<OrgSession> evicted = new ArrayList<>();
        synchronized (live) {
            while (live.size() > properties.keptSessions()) {
                OrgSession eldest = live.stream().min(Comparator.comparingLong(OrgSession::idleSince)).orElseThrow();
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

    /** Forgotten at once (a closed component holds its HTTP client's buffers), logged out on a closer thread. */
    private void closeLater(OrgSession session) {
        live.remove(session);
        Org org = orgs.get(session.integrationId);
        if (org != null) {
            synchronized (org) {
                if (org.current == session) {
                    org.current = null;
                }
            }
        }
        closer.execute(() -> {
            try {
                close(session);
            } catch (RuntimeException e) { // its token lapses at Salesforce anyway
                LOG.info("{} did not log out: {}", session.name, e.getMessage());
            }
        });
    }

    /** Each kept org logs out as the hub stops. */
    @PreDestroy
    void closeAll() throws InterruptedException {
        List.copyOf(live).forEach(this::closeLater);
        closer.shutdown();
        closer.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Logs in with these credentials and logs out again: the check made before an integration is enabled. */
    public void verify(Provider.Connection connection) {
        SalesforceComponent component = create(connection);
        try {
            ServiceHelper.startService(component);
        } catch (RuntimeException e) {
            throw loginFailed(e);
        } finally {
            ServiceHelper.stopAndShutdownService(component);
        }
    }

    /**
     * A refusal of the credentials (400, 401) needs new ones; anything else is an outage, which needs nothing but
     * time. Neither repeats what the login URL answered: it could be any server's words.
     */
    private static RuntimeException loginFailed(RuntimeException e) {
        SalesforceException failure = Causes.find(e, SalesforceException.class);
        if (failure != null && (failure.getStatusCode() == 400 || failure.getStatusCode() == 401)) {
            return new ProviderRejection("Salesforce refused the login: check the client id, secret and refresh "
                    + "token", e);
        }
        return new ProviderUnavailable("Salesforce could not be reached at the login URL, or answered what the hub "
                + "cannot read", e);
    }

    private OrgSession login(long integrationId, Provider.Connection connection, int hash) {
        // a fresh name each time: an evicted component of this org may still be on its way out
        String name = "salesforce-" + integrationId + "-" + names.incrementAndGet();
        SalesforceComponent component = create(connection);
        try {
            camel.addComponent(name, component);
            ServiceHelper.startService(component);
        } catch (RuntimeException e) {
            camel.removeComponent(name);
            ServiceHelper.stopAndShutdownService(component);
            throw loginFailed(e);
        }
        OrgSession session = new OrgSession(integrationId, name, hash, component);
        live.add(session);
        return session;
    }

    private void close(OrgSession session) {
        live.remove(session);
        try {
            camel.removeEndpoints(session.name + ":*");
        } catch (Exception e) {
            throw new IllegalStateException("cannot remove the endpoints of " + session.name, e);
        }
        camel.removeComponent(session.name);
        ServiceHelper.stopAndShutdownService(session.component);
    }

    private SalesforceComponent create(Provider.Connection connection) {
        SalesforceComponent component = new SalesforceComponent();
        component.setCamelContext(camel);
        // everything it needs is set here: no registry lookup for each of its options at every login
        component.setAutowiredEnabled(false);
        component.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
        component.setLoginUrl(connection.endpoint("loginUrl", properties.loginUrl()));
        component.setClientId(connection.credential("clientId"));
        component.setClientSecret(connection.credential("clientSecret"));
        component.setRefreshToken(connection.credential("refreshToken"));
        // queries come back as raw JSON, mapped by SalesforceMapper: no generated sObject classes to scan for
        component.setPackages(SalesforceSessions.class.getPackageName());
        // the same bounds as every provider call: Jetty's request timeout covers the whole answer
        component.setHttpClientConnectionTimeout(http.connectTimeoutMs());
        component.setHttpClientIdleTimeout(http.readTimeoutMs());
        component.setHttpRequestTimeout(http.responseTimeoutMs());
        // camel-salesforce holds each answer whole: a Bulk results set of bulk-page-size records must fit (a bound,
        // not an allocation; 4 MiB, its default, fits 2,000 REST records)
        component.setHttpMaxContentLength(Math.max(4 << 20, properties.bulkPageSize() * BULK_ROW_BYTES));
        component.setWorkerPoolSize(1);
        component.setWorkerPoolMaxSize(4);
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(properties.apiVersion());
        component.setConfig(config);
        return component;
    }
}
