package io.taskhub.provider.oauth;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.taskhub.provider.Provider;
import io.taskhub.sync.ComponentSession;
import io.taskhub.sync.SessionPool;
import jakarta.annotation.PreDestroy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The logins of a provider whose Camel component logs in by itself with an integration's refresh token
 * (camel-salesforce's): one component per integration, a {@link ComponentSession} kept between runs in a
 * {@link SessionPool}. Each refresh token a login rotates is stored ({@link RefreshTokenRotation}) before the login
 * goes on, and the session stays the same grant ({@link RotatingGrant}). A provider says how its component is made
 * and how a failed login reads.
 */
public abstract class RefreshTokenComponents<C extends DefaultComponent> {

    private final String provider;
    private final CamelContext camel;
    private final RefreshTokenRotation rotation;
    private final SessionPool<ComponentSession> pool;
    private final AtomicLong names = new AtomicLong();

    /** At most {@code kept} idle sessions are kept. */
    protected RefreshTokenComponents(String provider, int kept, CamelContext camel, RefreshTokenRotation rotation) {
        this.provider = provider;
        this.camel = camel;
        this.rotation = rotation;
        this.pool = new SessionPool<>(provider, kept, this::login);
    }

    /**
     * A component, not yet started, that logs in with these credentials and {@code refreshToken}, and hands each
     * rotated refresh token to {@code rotated} before it goes on (the next login must present it: the used one is
     * dead).
     */
    protected abstract C create(Provider.Connection connection, String refreshToken, Consumer<String> rotated);

    /** Where the connection's grant is redeemed; with the client id, it names a check's handover. */
    protected abstract String authorizationServer(Provider.Connection connection);

    /** A failed login in the provider's words: a {@code ProviderRejection} or a {@code ProviderUnavailable}. */
    protected abstract RuntimeException loginFailed(RuntimeException e);

    /** The run's session, named in the exchange property {@code session} for the routes' endpoints. */
    public void open(Exchange exchange) {
        pool.hold(exchange);
    }

    /** Held until {@link #release}: for a call outside a run. */
    public SessionPool.Held<ComponentSession> acquire(long integrationId, Provider.Connection connection) {
        return pool.acquire(integrationId, connection);
    }

    public void release(SessionPool.Held<ComponentSession> held) {
        pool.release(held);
    }

    @PreDestroy
    public void closeAll() throws InterruptedException {
        pool.closeAll();
    }

    /**
     * Logs in with these credentials and logs out again: the check made before an integration is enabled. A
     * rotated refresh token goes into the connection, and so into what gets stored.
     */
    public void verify(Provider.Connection connection) {
        String server = authorizationServer(connection);
        String clientId = connection.credential(TokenSet.CLIENT_ID);
        String presented = connection.credential(TokenSet.REFRESH_TOKEN);
        C component = configured(connection, rotation.handedOver(server, clientId, presented), fresh -> {
            rotation.handOver(server, clientId, presented, fresh);
            connection.updateCredentials(Map.of(TokenSet.REFRESH_TOKEN, fresh));
        });
        try {
            ServiceHelper.startService(component);
        } catch (RuntimeException e) {
            throw loginFailed(e);
        } finally {
            ServiceHelper.stopAndShutdownService(component);
        }
    }

    private ComponentSession login(long integrationId, Provider.Connection connection) {
        // a fresh name each time: an evicted component of this integration may still be on its way out
        String name = provider + "-" + integrationId + "-" + names.incrementAndGet();
        String refreshToken = rotation.current(integrationId, connection.credential(TokenSet.REFRESH_TOKEN));
        RotatingGrant grant = new RotatingGrant(connection, refreshToken);
        C component = configured(connection, refreshToken,
                fresh -> rotation.rotated(integrationId, grant.rotated(fresh), fresh));
        try {
            return ComponentSession.start(camel, name, component, grant::presentedBy);
        } catch (RuntimeException e) {
            throw loginFailed(e);
        }
    }

    private C configured(Provider.Connection connection, String refreshToken, Consumer<String> rotated) {
        C component = create(connection, refreshToken, rotated);
        component.setCamelContext(camel);
        // its provider set everything it needs: no registry lookup for each of its options at every login
        component.setAutowiredEnabled(false);
        return component;
    }
}
