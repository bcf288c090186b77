package io.taskhub.provider.salesforce;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import io.taskhub.config.HttpProperties;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.provider.oauth.RefreshTokenRotation;
import io.taskhub.sync.Causes;
import io.taskhub.sync.SessionPool;
import jakarta.annotation.PreDestroy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.SalesforceLoginConfig;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.stereotype.Component;

/**
 * The Salesforce login: one camel-salesforce component per connected org, kept between runs in a
 * {@link SessionPool} (at most {@code hub.salesforce.kept-sessions} idle ones). The component holds the org's
 * session and renews it on a 401; each login's rotated refresh token is stored before the login goes on.
 */
@Component("salesforceSessions")
public class SalesforceSessions {

    private static final String REFRESH_TOKEN = "refreshToken";
    /** Room for one CSV row of a Bulk result: the selected fields take 150 to 300 bytes. */
    private static final int BULK_ROW_BYTES = 1024;

    private final CamelContext camel;
    private final SalesforceProperties properties;
    private final HttpProperties http;
    private final RefreshTokenRotation rotation;
    private final SessionPool<OrgSession> pool;
    private final AtomicLong names = new AtomicLong();

    public SalesforceSessions(CamelContext camel, SalesforceProperties properties, HttpProperties http,
                              RefreshTokenRotation rotation) {
        this.camel = camel;
        this.properties = properties;
        this.http = http;
        this.rotation = rotation;
        this.pool = new SessionPool<>("salesforce", properties.keptSessions(), this::login);
    }

    /** The run's org session, named in the exchange property {@code session} for the routes' endpoints. */
    public void open(Exchange exchange) {
        pool.hold(exchange);
    }

    SessionPool.Held<OrgSession> acquire(long integrationId, Provider.Connection connection) {
        return pool.acquire(integrationId, connection);
    }

    void release(SessionPool.Held<OrgSession> held) {
        pool.release(held);
    }

    @PreDestroy
    void closeAll() throws InterruptedException {
        pool.closeAll();
    }

    /**
     * Logs in with these credentials and logs out again: the check made before an integration is enabled. A
     * rotated refresh token goes into the connection, and so into what gets stored.
     */
    public void verify(Provider.Connection connection) {
        String tokenUrl = connection.endpoint("loginUrl", properties.loginUrl());
        String clientId = connection.credential("clientId");
        String presented = connection.credential(REFRESH_TOKEN);
        SalesforceComponent component = create(connection, rotation.handedOver(tokenUrl, clientId, presented),
                (spent, fresh) -> {
                    rotation.handOver(tokenUrl, clientId, presented, fresh);
                    connection.updateCredentials(Map.of(REFRESH_TOKEN, fresh));
                });
        try {
            ServiceHelper.startService(component);
        } catch (RuntimeException e) {
            throw loginFailed(e);
        } finally {
            ServiceHelper.stopAndShutdownService(component);
        }
    }

    private OrgSession login(long integrationId, Provider.Connection connection) {
        // a fresh name each time: an evicted component of this org may still be on its way out
        String name = "salesforce-" + integrationId + "-" + names.incrementAndGet();
        String refreshToken = rotation.current(integrationId, connection.credential(REFRESH_TOKEN));
        OrgSession session = new OrgSession(name, camel, connection, refreshToken);
        SalesforceComponent component = create(connection, refreshToken, (spent, fresh) -> {
            session.rotated(fresh);
            rotation.rotated(integrationId, spent, fresh);
        });
        try {
            camel.addComponent(name, component);
            ServiceHelper.startService(component);
        } catch (RuntimeException e) {
            camel.removeComponent(name);
            ServiceHelper.stopAndShutdownService(component);
            throw loginFailed(e);
        }
        session.started(component);
        return session;
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

    /** A component that logs in with this refresh token and hands on each rotation (spent, fresh). */
    private SalesforceComponent create(Provider.Connection connection, String refreshToken,
                                       BiConsumer<String, String> rotated) {
        SalesforceLoginConfig login = new SalesforceLoginConfig();
        login.setType(AuthenticationType.REFRESH_TOKEN);
        login.setLoginUrl(connection.endpoint("loginUrl", properties.loginUrl()));
        login.setClientId(connection.credential("clientId"));
        login.setClientSecret(connection.credential("clientSecret"));
        login.setRefreshToken(refreshToken);
        SalesforceComponent component = new SalesforceComponent();
        component.setCamelContext(camel);
        // everything it needs is set here: no registry lookup for each of its options at every login
        component.setAutowiredEnabled(false);
        component.setLoginConfig(login);
        // the next login presents the rotated token: the used one is dead
        LoginAnswers client = new LoginAnswers(camel, camel.getExecutorServiceManager().newThreadPool(
                component, "SalesforceHttpClient", 1, 4), fresh -> {
                    String spent = login.getRefreshToken();
                    login.setRefreshToken(fresh);
                    rotated.accept(spent, fresh);
                });
        // queries come back as raw JSON, mapped by SalesforceMapper: no generated sObject classes to scan for
        component.setPackages(SalesforceSessions.class.getPackageName());
        // the same bounds as every provider call: Jetty's request timeout covers the whole answer
        component.setHttpClientConnectionTimeout(http.connectTimeoutMs());
        component.setHttpClientIdleTimeout(http.readTimeoutMs());
        component.setHttpRequestTimeout(http.responseTimeoutMs());
        // camel-salesforce holds each answer whole: a Bulk results set of bulk-page-size records must fit (a bound,
        // not an allocation; 4 MiB, its default, fits 2,000 REST records)
        component.setHttpMaxContentLength(Math.max(4 << 20, properties.bulkPageSize() * BULK_ROW_BYTES));
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(properties.apiVersion());
        config.setHttpClient(client);
        component.setConfig(config);
        return component;
    }
}
