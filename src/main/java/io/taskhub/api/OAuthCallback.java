package io.taskhub.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.taskhub.model.ConnectionStatus;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.provider.Providers;
import io.taskhub.provider.oauth.AuthorizationFlow;
import io.taskhub.provider.oauth.AuthorizationSecrets;
import io.taskhub.provider.oauth.ConnectionProperties;
import io.taskhub.provider.oauth.ConnectionRepository;
import io.taskhub.provider.oauth.TokenGrant;
import io.taskhub.provider.oauth.TokenSet;
import io.taskhub.security.CredentialCipher;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.Causes;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.StoredIntegration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /oauth/callback/{provider}}: where the provider sends the user's browser back. No login: the state is
 * the proof, spent by the first callback that brings it in time. Then the code is exchanged (with the PKCE verifier),
 * and the integration created or re-enabled through the same checks as a pasted-token enable, which start its first
 * sync. A refused state changes nothing; anything later ends the connection FAILED with the reason.
 */
@RestController
public class OAuthCallback {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthCallback.class);
    /** An OAuth error code (RFC 6749 §4.1.2.1); anything else a provider sends is not repeated. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");
    private static final int LONGEST_STATE = 128;

    /** The connection cannot be finished; the message is the hub's words, fit for the page and the connection. */
    private static final class NotConnected extends RuntimeException {
        NotConnected(String message) {
            super(message);
        }
    }

    private final ConnectionsApi connectionsApi;
    private final ConnectionRepository connections;
    private final ConnectionProperties properties;
    private final IntegrationsApi integrationsApi;
    private final IntegrationRepository integrations;
    private final Providers providers;
    private final UserDirectory directory;
    private final CredentialCipher cipher;
    private final TokenGrant grant;

    public OAuthCallback(ConnectionsApi connectionsApi, ConnectionRepository connections,
                         ConnectionProperties properties, IntegrationsApi integrationsApi,
                         IntegrationRepository integrations, Providers providers, UserDirectory directory,
                         CredentialCipher cipher, TokenGrant grant) {
        this.connectionsApi = connectionsApi;
        this.connections = connections;
        this.properties = properties;
        this.integrationsApi = integrationsApi;
        this.integrations = integrations;
        this.providers = providers;
        this.directory = directory;
        this.cipher = cipher;
        this.grant = grant;
    }

    @GetMapping(path = "/oauth/callback/{provider}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> callback(@PathVariable("provider") String provider,
                                           @RequestParam Map<String, String> parameters) {
        Optional<AuthorizationFlow> flow = connectionsApi.flow(provider);
        if (flow.isEmpty()) {
            return CallbackPage.of(404, "Not connected", "The hub connects no provider by this name.");
        }
        String state = parameters.get("state");
        if (state == null || state.isBlank() || state.length() > LONGEST_STATE) {
            return CallbackPage.of(400, "Not connected", "The sign-in came back without the hub's state. Start "
                    + "the connection again from your application.");
        }
        byte[] stateHash = AuthorizationSecrets.stateHash(state);
        Optional<ConnectionRepository.Claimed> claimed = connections.claim(provider, stateHash);
        if (claimed.isEmpty()) {
            return refused(connections.refusal(provider, stateHash));
        }
        ConnectionRepository.Claimed connection = claimed.get();
        String name = providers.get(provider).displayName();
        try {
            long integrationId = connect(flow.get(), connection, parameters);
            connections.finish(connection.id(), ConnectionStatus.CONNECTED, integrationId, null);
            return CallbackPage.of(200, name + " is connected", "Integration " + integrationId
                    + (connection.request().integrationId() == null ? " is connected and its first sync has started."
                    : " is re-enabled and syncs again, starting now.") + " You may close this page.");
        } catch (NotConnected | ApiProblem | ProviderRejection | ProviderUnavailable | CredentialCipher.Unopenable e) {
            return failed(connection, name, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Finishing {} connection {} failed: {}", provider, connection.id(), Causes.rootMessage(e));
            return failed(connection, name, name + " could not be reached, or answered what the hub cannot read");
        }
    }

    private long connect(AuthorizationFlow flow, ConnectionRepository.Claimed connection,
                         Map<String, String> parameters) {
        Provider provider = providers.get(connection.provider());
        String error = parameters.get("error");
        if (error != null) {
            throw new NotConnected(provider.displayName() + " did not grant access ("
                    + (ERROR_CODE.matcher(error).matches() ? error : "an error") + ")");
        }
        String code = parameters.get("code");
        if (code == null || code.isBlank()) {
            throw new NotConnected(provider.displayName() + " sent no authorization code");
        }
        if (!directory.mayAdminister(connection.accountId(), connection.startedBy())) {
            throw new NotConnected(connection.startedBy() + " who started the connection is no longer an "
                    + "administrator of the account");
        }
        ConnectionRepository.Request request = connection.request();
        Map<String, String> credentials = credentials(flow, connection, code, parameters);
        if (request.integrationId() != null) {
            StoredIntegration integration = IntegrationsApi.reenableable(integrations.find(connection.accountId(),
                    request.integrationId()).orElseThrow(() -> new NotConnected("the integration to re-enable is gone")));
            integrationsApi.reenableVerified(integration, connection.startedBy(), credentials);
            return integration.id();
        }
        return integrationsApi.enableVerified(connection.accountId(), provider, connection.startedBy(),
                new Provider.Connection(credentials, request.endpoint(), new HashMap<>(request.settings())),
                request.selectedTypes(), request.intervalSeconds());
    }

    /** The hub's app, the tokens the code was exchanged for, and what the provider named in the callback. */
    private Map<String, String> credentials(AuthorizationFlow flow, ConnectionRepository.Claimed connection,
                                            String code, Map<String, String> parameters) {
        ConnectionProperties.App app = properties.app(flow.provider());
        Map<String, String> credentials = new HashMap<>(flow.callbackCredentials(parameters));
        String verifier = connection.sealedVerifier() == null ? null
                : cipher.open(ConnectionsApi.sealingId(connection.id()), connection.sealedVerifier());
        TokenSet tokens = grant.exchangeCode(flow.tokenEndpoint(connection.request().endpoint()), app.clientId(),
                app.clientSecret(), flow.secretInForm(), code, connectionsApi.redirectUri(flow.provider()), verifier);
        credentials.put(TokenSet.CLIENT_ID, app.clientId());
        credentials.put(TokenSet.CLIENT_SECRET, app.clientSecret());
        credentials.putAll(tokens.asCredentials());
        return credentials;
    }

    private ResponseEntity<String> failed(ConnectionRepository.Claimed connection, String name, String reason) {
        connections.finish(connection.id(), ConnectionStatus.FAILED, null, reason);
        return CallbackPage.of(200, name + " is not connected", reason + ".");
    }

    private static ResponseEntity<String> refused(ConnectionRepository.Refusal refusal) {
        String words = switch (refusal) {
            case USED -> "This sign-in was already used.";
            case EXPIRED -> "This sign-in took too long and expired.";
            case UNKNOWN -> "The hub did not start this sign-in.";
        };
        return CallbackPage.of(400, "Not connected", words + " Nothing was changed: start the connection again from "
                + "your application.");
    }
}
