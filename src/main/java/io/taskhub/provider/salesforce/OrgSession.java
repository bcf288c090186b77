package io.taskhub.provider.salesforce;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.taskhub.provider.Provider;
import io.taskhub.sync.SessionPool;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.support.service.ServiceHelper;

/**
 * One org's logged-in camel-salesforce component, under a name of its own in the CamelContext. Its grant's refresh
 * token may rotate at every login; a run whose stored credentials hold any of the tokens it had is the same grant.
 */
final class OrgSession implements SessionPool.Session {

    private final String name;
    private final CamelContext camel;
    private final int clientHash;
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private volatile SalesforceComponent component;

    OrgSession(String name, CamelContext camel, Provider.Connection connection, String refreshToken) {
        this.name = name;
        this.camel = camel;
        this.clientHash = clientHash(connection);
        refreshTokens.add(refreshToken);
    }

    private static int clientHash(Provider.Connection connection) {
        return Objects.hash(connection.credential("clientId"), connection.credential("clientSecret"),
                connection.endpoint());
    }

    void started(SalesforceComponent started) {
        this.component = started;
    }

    void rotated(String refreshToken) {
        refreshTokens.add(refreshToken);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean loggedInWith(Provider.Connection connection) {
        return clientHash == clientHash(connection) && refreshTokens.contains(connection.credential("refreshToken"));
    }

    @Override
    public void close() {
        try {
            camel.removeEndpoints(name + ":*");
        } catch (Exception e) {
            throw new IllegalStateException("cannot remove the endpoints of " + name, e);
        }
        camel.removeComponent(name);
        ServiceHelper.stopAndShutdownService(component);
    }
}
