package io.taskhub.provider.oauth;

import io.taskhub.provider.Provider;
import io.taskhub.sync.SyncContext;
import org.apache.camel.Exchange;

/** A provider's API called through an {@link OAuthSession}: which session an integration's calls go through. */
public interface OAuthApi {

    OAuthSession session(long integrationId, Provider.Connection connection);

    /** A sync's step before its first call: the session of the integration being synced. */
    default void open(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        session(sync.integrationId(), sync.connection()).attach(exchange);
    }
}
