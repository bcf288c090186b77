package io.taskhub.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.Organisation;
import io.taskhub.provider.Providers;
import io.taskhub.provider.oauth.AuthorizationFlow;
import io.taskhub.provider.oauth.AuthorizationSecrets;
import io.taskhub.provider.oauth.ConnectionProperties;
import io.taskhub.provider.oauth.ConnectionRepository;
import io.taskhub.provider.oauth.TokenGrant;
import io.taskhub.provider.oauth.TokenSet;
import io.taskhub.security.CredentialCipher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /oauth/callback/{provider}}: where the provider sends the user's browser back. No login: the state is
 * the proof, spent by the first callback that brings it in time. Then the code is exchanged (with the PKCE verifier)
 * and the connection completed ({@link ConnectionCompletion}), unless the consent covers several organisations: then
 * the credentials wait, sealed, for the client's choice ({@code PUT .../connections/{id}}). A refused state changes
 * nothing; anything later ends the connection FAILED with the reason.
 */
@RestController
public class OAuthCallback {

    /** An OAuth error code (RFC 6749 §4.1.2.1); anything else a provider sends is not repeated. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");
    private static final int LONGEST_STATE = 128;

    private final ConnectionsApi connectionsApi;
    private final ConnectionRepository connections;
    private final ConnectionProperties properties;
    private final ConnectionCompletion completion;
    private final Providers providers;
    private final CredentialCipher cipher;
    private final TokenGrant grant;
    private final ObjectMapper json;

    public OAuthCallback(ConnectionsApi connectionsApi, ConnectionRepository connections,
                         ConnectionProperties properties, ConnectionCompletion completion, Providers providers,
                         CredentialCipher cipher, TokenGrant grant, ObjectMapper json) {
        this.connectionsApi = connectionsApi;
        this.connections = connections;
        this.properties = properties;
        this.completion = completion;
        this.providers = providers;
        this.cipher = cipher;
        this.grant = grant;
        this.json = json;
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
        // neither the code nor the provider's error: not a sign-in coming back, and no reason to spend the state
        // that the real one will bring
        if (isBlank(parameters.get("code")) && parameters.get("error") == null) {
            return CallbackPage.of(400, "Not connected", "The sign-in came back without an authorization code. "
                    + "Nothing was changed: start the connection again from your application.");
        }
        byte[] stateHash = AuthorizationSecrets.stateHash(state);
        Optional<ConnectionRepository.Claimed> claimed = connections.claim(provider, stateHash);
        if (claimed.isEmpty()) {
            return refused(connections.refusal(provider, stateHash));
        }
        ConnectionRepository.Claimed connection = claimed.get();
        String name = providers.get(provider).displayName();
        ConnectionCompletion.Outcome outcome;
        try {
            outcome = finish(flow.get(), connection, parameters);
        } catch (RuntimeException e) {
            outcome = completion.failed(connection, e);
        }
        return CallbackPage.of(200, name + (outcome.connected() ? " is connected" : " is not connected"),
                outcome.words() + " You may close this page.");
    }

    private ConnectionCompletion.Outcome finish(AuthorizationFlow flow, ConnectionRepository.Claimed connection,
                                                Map<String, String> parameters) {
        String name = providers.get(connection.provider()).displayName();
        String error = parameters.get("error");
        if (error != null) {
            throw new ConnectionCompletion.NotConnected(name + " did not grant access ("
                    + (ERROR_CODE.matcher(error).matches() ? error : "an error") + ")");
        }
        String code = parameters.get("code");
        completion.requireAdministrator(connection);
        Map<String, String> credentials = new HashMap<>(flow.callbackCredentials(parameters));
        TokenSet tokens = exchange(flow, connection, code);
        ConnectionProperties.App app = properties.app(flow.provider());
        credentials.put(TokenSet.CLIENT_ID, app.clientId());
        credentials.put(TokenSet.CLIENT_SECRET, app.clientSecret());
        credentials.putAll(tokens.asCredentials());
        List<Organisation> organisations = flow.organisations(tokens, connection.request().endpoint());
        if (organisations.isEmpty()) {
            return completion.complete(connection, credentials);
        }
        connections.park(connection.id(), cipher.seal(ConnectionsApi.sealingId(connection.id()), write(credentials)),
                organisations, Instant.now().plus(properties.stateLifetime()));
        return new ConnectionCompletion.Outcome(true, "You allowed access to " + organisations.size() + " "
                + name + " organisations: choose the one to connect in your application.");
    }

    /** The tokens the code is exchanged for, by the hub's app. */
    private TokenSet exchange(AuthorizationFlow flow, ConnectionRepository.Claimed connection, String code) {
        ConnectionProperties.App app = properties.app(flow.provider());
        String verifier = connection.sealedVerifier() == null ? null
                : cipher.open(ConnectionsApi.sealingId(connection.id()), connection.sealedVerifier());
        return grant.exchangeCode(flow.tokenEndpoint(connection.request().endpoint()), app.clientId(),
                app.clientSecret(), flow.secretInForm(), code, connectionsApi.redirectUri(flow.provider()), verifier);
    }

    private String write(Map<String, String> credentials) {
        try {
            return json.writeValueAsString(credentials);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
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
