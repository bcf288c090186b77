package io.taskhub.api;

import java.util.HashMap;
import java.util.Map;

import io.taskhub.model.ConnectionStatus;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.provider.Providers;
import io.taskhub.provider.oauth.ConnectionRepository;
import io.taskhub.security.CredentialCipher;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.Causes;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.StoredIntegration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The end of a connection by signing in, from the callback or from the client's choice of organisation: the
 * integration is created or re-enabled with the credentials through the same checks as a pasted-token enable (which
 * start its sync), and the connection ends CONNECTED, or FAILED with the reason.
 */
@Component
class ConnectionCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCompletion.class);

    /** What happened, in words fit for the page and the connection. */
    record Outcome(boolean connected, String words) {
    }

    /** The connection cannot be finished; the message is the hub's words. */
    static final class NotConnected extends RuntimeException {
        NotConnected(String message) {
            super(message);
        }
    }

    private final ConnectionRepository connections;
    private final IntegrationsApi integrationsApi;
    private final IntegrationRepository integrations;
    private final Providers providers;
    private final UserDirectory directory;

    ConnectionCompletion(ConnectionRepository connections, IntegrationsApi integrationsApi,
                         IntegrationRepository integrations, Providers providers, UserDirectory directory) {
        this.connections = connections;
        this.integrationsApi = integrationsApi;
        this.integrations = integrations;
        this.providers = providers;
        this.directory = directory;
    }

    /** The administrator who started the connection must still be one: the integration becomes theirs. */
    void requireAdministrator(ConnectionRepository.Claimed connection) {
        if (!directory.mayAdminister(connection.accountId(), connection.startedBy())) {
            throw new NotConnected(connection.startedBy() + " who started the connection is no longer an "
                    + "administrator of the account");
        }
    }

    Outcome complete(ConnectionRepository.Claimed connection, Map<String, String> credentials) {
        try {
            requireAdministrator(connection);
            long integrationId = enableOrReenable(connection, credentials);
            connections.finish(connection.id(), ConnectionStatus.CONNECTED, integrationId, null);
            boolean created = connection.request().integrationId() == null;
            return new Outcome(true, "Integration " + integrationId + (created
                    ? " is connected and its first sync has started."
                    : " is re-enabled and syncs again, starting now."));
        } catch (RuntimeException e) {
            return failed(connection, e);
        }
    }

    /** Ends the connection FAILED; only the hub's own words reach the page and the connection. */
    Outcome failed(ConnectionRepository.Claimed connection, RuntimeException e) {
        String name = providers.get(connection.provider()).displayName();
        String reason;
        if (e instanceof NotConnected || e instanceof ApiProblem || e instanceof ProviderRejection
                || e instanceof ProviderUnavailable || e instanceof CredentialCipher.Unopenable) {
            reason = e.getMessage();
        } else {
            LOG.warn("Finishing {} connection {} failed: {}", connection.provider(), connection.id(),
                    Causes.rootMessage(e));
            reason = name + " could not be reached, or answered what the hub cannot read";
        }
        connections.finish(connection.id(), ConnectionStatus.FAILED, null, reason);
        return new Outcome(false, reason + ".");
    }

    private long enableOrReenable(ConnectionRepository.Claimed connection, Map<String, String> credentials) {
        ConnectionRepository.Request request = connection.request();
        if (request.integrationId() != null) {
            StoredIntegration integration = IntegrationsApi.reenableable(integrations
                    .find(connection.accountId(), request.integrationId())
                    .orElseThrow(() -> new NotConnected("the integration to re-enable is gone")));
            integrationsApi.reenableVerified(integration, connection.startedBy(), credentials);
            return integration.id();
        }
        Provider provider = providers.get(connection.provider());
        return integrationsApi.enableVerified(connection.accountId(), provider, connection.startedBy(),
                new Provider.Connection(credentials, request.endpoint(), new HashMap<>(request.settings())),
                request.selectedTypes(), request.intervalSeconds());
    }
}
