package io.taskhub.sync;

import java.util.function.Predicate;

import io.taskhub.provider.Provider;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A kept session that is a Camel component of its own, for a provider whose component logs in by itself
 * (camel-salesforce's): added to the CamelContext under a name the routes' endpoints use
 * ({@code ${exchangeProperty.session}:query}), started, and on close removed with its endpoints and stopped, so that
 * nothing of a closed session stays in the context. The name must be fresh: a closed component of the same
 * integration may still be on its way out.
 */
public final class ComponentSession implements SessionPool.Session {

    private final CamelContext camel;
    private final String name;
    private final Component component;
    private final Predicate<Provider.Connection> loggedInWith;

    private ComponentSession(CamelContext camel, String name, Component component,
                             Predicate<Provider.Connection> loggedInWith) {
        this.camel = camel;
        this.name = name;
        this.component = component;
        this.loggedInWith = loggedInWith;
    }

    /**
     * Adds the component under {@code name} and starts it, which logs it in; one that fails to start is removed
     * again and the failure thrown. {@code loggedInWith} tells the credentials it logged in with.
     */
    public static ComponentSession start(CamelContext camel, String name, Component component,
                                         Predicate<Provider.Connection> loggedInWith) {
        camel.addComponent(name, component); // a name already taken fails here, before anything is removed
        try {
            ServiceHelper.startService(component);
        } catch (RuntimeException e) {
            camel.removeComponent(name);
            ServiceHelper.stopAndShutdownService(component);
            throw e;
        }
        return new ComponentSession(camel, name, component, loggedInWith);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean loggedInWith(Provider.Connection connection) {
        return loggedInWith.test(connection);
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
