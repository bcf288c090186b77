package io.taskhub.provider.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.sync.Causes;
import io.taskhub.sync.SyncContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.stereotype.Component;

/**
 * One camel-salesforce component per connected org: the component holds the org's login and session, and renews
 * the session on a 401. Components of integrations that have not synced lately are stopped, so that a hub with
 * many accounts keeps a bounded number of HTTP clients.
 */
@Component("salesforceSessions")
public class SalesforceSessions {

    /** Exchange property naming the component of the integration being synced. */
    public static final String COMPONENT = "salesforceComponent";
    private static final int KEPT = 32;

    private record Session(String name, int credentialsHash) {
    }

    private final CamelContext camel;
    private final SalesforceProperties properties;
    private final Map<Long, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);

    public SalesforceSessions(CamelContext camel, SalesforceProperties properties) {
        this.camel = camel;
        this.properties = properties;
    }

    /** Names the integration's component for the routes, logging in first if it has none yet. */
    public void open(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        exchange.setProperty(COMPONENT, component(sync.integrationId(), sync.connection()));
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

    private synchronized String component(long integrationId, Provider.Connection connection) {
        int hash = Objects.hash(connection.credentials(), connection.endpoint());
        Session session = sessions.get(integrationId);
        if (session != null && session.credentialsHash() == hash) {
            return session.name();
        }
        if (session != null) {
            close(session);
        }
        String name = "salesforce-" + integrationId + "-" + Integer.toHexString(hash);
        SalesforceComponent component = create(connection);
        try {
            camel.addComponent(name, component);
            ServiceHelper.startService(component);
        } catch (RuntimeException e) {
            camel.removeComponent(name);
            ServiceHelper.stopAndShutdownService(component);
            throw loginFailed(e);
        }
        sessions.put(integrationId, new Session(name, hash));
        if (sessions.size() > KEPT) {
            var eldest = sessions.entrySet().iterator().next();
            close(eldest.getValue());
            sessions.remove(eldest.getKey());
        }
        return name;
    }

    private void close(Session session) {
        try {
            camel.removeEndpoints(session.name() + ":*");
        } catch (Exception e) {
            throw new IllegalStateException("cannot remove the endpoints of " + session.name(), e);
        }
        ServiceHelper.stopAndShutdownService(camel.removeComponent(session.name()));
    }

    private SalesforceComponent create(Provider.Connection connection) {
        SalesforceComponent component = new SalesforceComponent();
        component.setCamelContext(camel);
        component.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
        component.setLoginUrl(connection.endpoint("loginUrl", properties.loginUrl()));
        component.setClientId(connection.credential("clientId"));
        component.setClientSecret(connection.credential("clientSecret"));
        component.setRefreshToken(connection.credential("refreshToken"));
        // queries come back as raw JSON, mapped by SalesforceMapper: no generated sObject classes to scan for
        component.setPackages(SalesforceSessions.class.getPackageName());
        component.setWorkerPoolSize(1);
        component.setWorkerPoolMaxSize(4);
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(properties.apiVersion());
        component.setConfig(config);
        return component;
    }
}
