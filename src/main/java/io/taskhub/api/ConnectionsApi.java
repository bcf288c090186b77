package io.taskhub.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.config.PublicUrl;
import io.taskhub.model.Connection;
import io.taskhub.model.ConnectionStatus;
import io.taskhub.model.Organisation;
import io.taskhub.model.StartedConnection;
import io.taskhub.provider.Provider;
import io.taskhub.provider.Providers;
import io.taskhub.provider.oauth.AuthorizationFlow;
import io.taskhub.provider.oauth.AuthorizationSecrets;
import io.taskhub.provider.oauth.ConnectionProperties;
import io.taskhub.provider.oauth.ConnectionRepository;
import io.taskhub.security.Caller;
import io.taskhub.security.CredentialCipher;
import io.taskhub.security.EndpointPolicy;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.StoredIntegration;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * {@code /api/accounts/{acc}/connections}: an administrator starts connecting a provider by signing in there. Every
 * check that does not need the provider happens here, before the user is sent away; the callback
 * ({@link OAuthCallback}) finishes it.
 */
@Component("connectionsApi")
public class ConnectionsApi {

    private final Providers providers;
    private final Map<String, AuthorizationFlow> flows;
    private final ConnectionProperties properties;
    private final ConnectionRepository connections;
    private final IntegrationsApi integrationsApi;
    private final EndpointPolicy endpoints;
    private final UserDirectory directory;
    private final CredentialCipher cipher;
    private final PublicUrl publicUrl;
    private final ConnectionCompletion completion;
    private final ObjectMapper json;

    public ConnectionsApi(Providers providers, List<AuthorizationFlow> flows, ConnectionProperties properties,
                          ConnectionRepository connections, IntegrationsApi integrationsApi, EndpointPolicy endpoints,
                          UserDirectory directory, CredentialCipher cipher, PublicUrl publicUrl,
                          ConnectionCompletion completion, ObjectMapper json) {
        this.providers = providers;
        this.flows = flows.stream().collect(Collectors.toMap(AuthorizationFlow::provider, f -> f));
        this.properties = properties;
        this.connections = connections;
        this.integrationsApi = integrationsApi;
        this.endpoints = endpoints;
        this.directory = directory;
        this.cipher = cipher;
        this.publicUrl = publicUrl;
        this.completion = completion;
        this.json = json;
    }

    public StartedConnection start(@Header("acc") String acc, @Body Requests.NewConnection body, Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        Check.body(body);
        Provider provider = providers.find(Check.text("provider", body.provider()))
                .filter(p -> flows.containsKey(p.id()))
                .orElseThrow(() -> ApiProblem.invalid("provider", "must be one of " + flows.keySet().stream()
                        .sorted().toList() + " (others are enabled with their credentials)"));
        ConnectionProperties.App app = properties.app(provider.id());
        if (!app.configured()) {
            throw ApiProblem.conflict("the operator has not set up the hub's " + provider.displayName() + " app (HUB_"
                    + provider.id().toUpperCase(Locale.ROOT) + "_CLIENT_ID and _CLIENT_SECRET)");
        }
        ConnectionRepository.Request request = body.integrationId() == null ? forNew(account, provider, body)
                : forReenable(acc, provider, body.integrationId());
        AuthorizationFlow flow = flows.get(provider.id());
        String state = AuthorizationSecrets.random();
        String verifier = flow.pkce() ? AuthorizationSecrets.random() : null;
        Instant expiresAt = Instant.now().plus(properties.stateLifetime());
        long id = connections.nextId();
        connections.insert(id, account, provider.id(), Caller.of(exchange).login(),
                AuthorizationSecrets.stateHash(state), verifier == null ? null : cipher.seal(sealingId(id), verifier),
                request, expiresAt);
        String authorizeUrl = authorizeUrl(flow, request.endpoint(), app.clientId(), state, verifier);
        return Http.created(exchange, new StartedConnection(id, provider.id(), ConnectionStatus.PENDING, authorizeUrl,
                expiresAt));
    }

    public Connection get(@Header("acc") String acc, @Header("connectionId") String id) {
        long account = Accounts.existing(directory, acc);
        return connections.find(account, Check.id("connectionId", id))
                .orElseThrow(() -> ApiProblem.notFound("no connection " + id + " in this account"));
    }

    /**
     * The client's choice of organisation, where the consent covered several: the credentials that waited for it
     * complete the connection with that organisation. Answers the connection as it ends.
     */
    public Connection choose(@Header("acc") String acc, @Header("connectionId") String id,
                             @Body Requests.OrganisationChoice body) {
        long account = Accounts.existing(directory, acc);
        Connection current = get(acc, id);
        String tenantId = Check.text("tenantId", Check.body(body).tenantId());
        if (current.status() != ConnectionStatus.PENDING || current.organisations() == null) {
            throw ApiProblem.conflict("connection " + current.id() + " is " + current.status()
                    + " and waits for no choice of organisation");
        }
        if (current.organisations().stream().noneMatch(o -> o.tenantId().equals(tenantId))) {
            throw ApiProblem.invalid("tenantId", "must be one of the connection's organisations "
                    + current.organisations().stream().map(Organisation::tenantId).toList());
        }
        ConnectionRepository.Parked parked = connections.takeParked(account, current.id())
                .orElseThrow(() -> ApiProblem.conflict("connection " + current.id() + " was completed meanwhile"));
        Map<String, String> credentials = open(parked);
        credentials.put(flows.get(current.provider()).organisationCredential(), tenantId);
        completion.complete(parked.connection(), credentials);
        return get(acc, id);
    }

    private Map<String, String> open(ConnectionRepository.Parked parked) {
        try {
            return json.readValue(cipher.open(sealingId(parked.connection().id()), parked.sealedCredentials()),
                    new TypeReference<HashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked credentials are not JSON", e);
        }
    }

    /** {@code {HUB_PUBLIC_URL}/oauth/callback/{provider}}: the callback URL registered with the provider's app. */
    String redirectUri(String provider) {
        return publicUrl.resolve("/oauth/callback/" + provider);
    }

    /**
     * Connection ids are sealed negated: no integration has a negative id, so a sealed verifier never opens as an
     * integration's credentials, nor theirs as a verifier.
     */
    static long sealingId(long connectionId) {
        return -connectionId;
    }

    Optional<AuthorizationFlow> flow(String provider) {
        return Optional.ofNullable(flows.get(provider));
    }

    private ConnectionRepository.Request forNew(long account, Provider provider, Requests.NewConnection body) {
        Map<String, String> endpoint = endpoints.check(provider, body.endpoint());
        Map<String, Object> settings = settings(provider, body.settings());
        List<String> types = IntegrationsApi.types(provider, body.selectedTypes());
        int interval = IntegrationsApi.interval(provider, body.intervalSeconds());
        integrationsApi.requireNoLive(account, provider);
        return new ConnectionRepository.Request(endpoint, types, interval, settings, null);
    }

    /**
     * Settings may wait until after connecting (Xero's accounts are chosen from its chart, {@code PUT .../settings}):
     * none given is fine, some given must be complete.
     */
    private static Map<String, Object> settings(Provider provider, Map<String, Object> given) {
        Map<String, Object> settings = IntegrationsApi.knownSettings(provider, given);
        return settings.isEmpty() ? settings : IntegrationsApi.settings(provider, settings);
    }

    /** The integration keeps its endpoint, settings, types and interval; only who owns it and its grant change. */
    private ConnectionRepository.Request forReenable(String acc, Provider provider, String integrationId) {
        StoredIntegration integration = IntegrationsApi.reenableable(
                integrationsApi.find(acc, "integrationId", integrationId));
        if (!integration.provider().equals(provider.id())) {
            throw ApiProblem.invalid("integrationId", "integration " + integrationId + " is a "
                    + integration.provider() + " integration, not " + provider.id());
        }
        return new ConnectionRepository.Request(integration.endpoint(), integration.selectedTypes(),
                integration.intervalSeconds(), integration.settings(), integration.id());
    }

    private String authorizeUrl(AuthorizationFlow flow, Map<String, String> endpoint, String clientId, String state,
                                String verifier) {
        StringBuilder url = new StringBuilder(flow.authorizeUrl(endpoint)).append("?response_type=code")
                .append("&client_id=").append(encode(clientId))
                .append("&redirect_uri=").append(encode(redirectUri(flow.provider())))
                .append("&scope=").append(encode(flow.scopes()))
                .append("&state=").append(state);
        if (verifier != null) {
            url.append("&code_challenge=").append(AuthorizationSecrets.challenge(verifier))
                    .append("&code_challenge_method=S256");
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
