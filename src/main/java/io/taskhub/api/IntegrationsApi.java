package io.taskhub.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.taskhub.model.Integration;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.model.Timer;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.sync.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.taskhub.provider.Providers;
import io.taskhub.security.Caller;
import io.taskhub.security.EndpointPolicy;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.IntegrationLifecycle;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.RunRepository;
import io.taskhub.sync.StoredIntegration;
import io.taskhub.sync.SyncScheduler;
import io.taskhub.sync.Unlinking;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** {@code /api/accounts/{acc}/integrations} and the account's timers. */
@Component("integrationsApi")
public class IntegrationsApi {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationsApi.class);
    static final int MIN_INTERVAL = 60;
    static final int MAX_INTERVAL = 86400;

    private final Providers providers;
    private final IntegrationRepository integrations;
    private final IntegrationLifecycle lifecycle;
    private final RunRepository runs;
    private final SyncScheduler scheduler;
    private final UserDirectory directory;
    private final EndpointPolicy endpoints;
    private final Unlinking unlinking;

    public IntegrationsApi(Providers providers, IntegrationRepository integrations, IntegrationLifecycle lifecycle,
                           RunRepository runs, SyncScheduler scheduler, UserDirectory directory,
                           EndpointPolicy endpoints, Unlinking unlinking) {
        this.endpoints = endpoints;
        this.unlinking = unlinking;
        this.providers = providers;
        this.integrations = integrations;
        this.lifecycle = lifecycle;
        this.runs = runs;
        this.scheduler = scheduler;
        this.directory = directory;
    }

    /** Checks the request, then the credentials with the provider, and only then stores anything. */
    public Integration create(@Header("acc") String acc, @Body Requests.NewIntegration body, Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        Check.body(body);
        Provider provider = providers.find(Check.text("provider", body.provider()))
                .orElseThrow(() -> ApiProblem.invalid("provider", "must be one of "
                        + providers.all().stream().map(Provider::id).toList()));
        Provider.Connection connection = new Provider.Connection(credentials(provider, body.credentials()),
                endpoints.check(provider, body.endpoint()), settings(provider, body.settings()));
        List<String> types = types(provider, body.selectedTypes());
        int interval = interval(provider, body.intervalSeconds());
        long id = enableVerified(account, provider, Caller.of(exchange).login(), connection, types, interval);
        return Http.created(exchange, view(integrations.find(id).orElseThrow()));
    }

    /** Checks the connection with the provider, then stores it: the one way an integration comes to be. */
    long enableVerified(long account, Provider provider, String owner, Provider.Connection connection,
                        List<String> types, int interval) {
        requireNoLive(account, provider);
        verify(provider, connection);
        try {
            return lifecycle.enable(account, provider, owner, connection, types, interval);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("the account already has a " + provider.id() + " integration");
        }
    }

    void requireNoLive(long account, Provider provider) {
        if (integrations.hasLive(account, provider.id())) {
            throw ApiProblem.conflict("the account already has a " + provider.id() + " integration");
        }
    }

    static int interval(Provider provider, Integer requested) {
        return requested == null ? provider.defaultIntervalSeconds()
                : Check.range("intervalSeconds", requested, MIN_INTERVAL, MAX_INTERVAL);
    }

    public List<Integration> list(@Header("acc") String acc) {
        return integrations.list(Accounts.existing(directory, acc)).stream().map(this::view).toList();
    }

    public Integration get(@Header("acc") String acc, @Header("id") String id) {
        return view(find(acc, id));
    }

    public Integration updateTypes(@Header("acc") String acc, @Header("id") String id,
                                   @Body Requests.SelectedTypes body) {
        StoredIntegration integration = live(find(acc, id));
        Provider provider = providers.get(integration.provider());
        if (!provider.typesSelectable()) {
            throw ApiProblem.invalid("selectedTypes", provider.id() + " types are not selectable");
        }
        List<String> types = types(provider, Check.body(body).selectedTypes());
        if (types.isEmpty()) {
            throw ApiProblem.invalid("selectedTypes", "select at least one type");
        }
        lifecycle.changeTypes(integration, types);
        return view(integrations.find(integration.id()).orElseThrow());
    }

    public Timer timer(@Header("acc") String acc, @Header("id") String id) {
        return timerOf(find(acc, id));
    }

    public Timer updateTimer(@Header("acc") String acc, @Header("id") String id, @Body Requests.TimerChange body) {
        StoredIntegration integration = live(find(acc, id));
        int interval = Check.range("intervalSeconds", Check.body(body).intervalSeconds(), MIN_INTERVAL, MAX_INTERVAL);
        lifecycle.changeInterval(integration, interval);
        return timerOf(integrations.find(integration.id()).orElseThrow());
    }

    public List<Timer> timers(@Header("acc") String acc) {
        return integrations.list(Accounts.existing(directory, acc)).stream()
                .filter(i -> i.status() != IntegrationStatus.UNLINKED)
                .map(this::timerOf).toList();
    }

    public Integration reenable(@Header("acc") String acc, @Header("id") String id, @Body Requests.Reenable body,
                                Exchange exchange) {
        StoredIntegration integration = reenableable(find(acc, id));
        Provider provider = providers.get(integration.provider());
        reenableVerified(integration, Caller.of(exchange).login(),
                credentials(provider, Check.body(body).credentials()));
        return view(integrations.find(integration.id()).orElseThrow());
    }

    static StoredIntegration reenableable(StoredIntegration integration) {
        if (integration.status() == IntegrationStatus.UNLINKED) {
            throw ApiProblem.conflict("an unlinked integration cannot be re-enabled: enable a new one");
        }
        return integration;
    }

    /** Checks the new credentials with the provider, then the caller becomes the integration's owner. */
    void reenableVerified(StoredIntegration integration, String owner, Map<String, String> credentials) {
        Provider provider = providers.get(integration.provider());
        Provider.Connection connection = new Provider.Connection(credentials, integration.endpoint(),
                integration.settings());
        verify(provider, connection);
        lifecycle.reenable(integration, owner, connection.credentials());
    }

    public void unlink(@Header("acc") String acc, @Header("id") String id, Exchange exchange) {
        StoredIntegration integration = find(acc, id);
        if (integration.status() != IntegrationStatus.UNLINKED) {
            unlinking.unlink(integration);
        }
        Http.noContent(exchange);
    }

    StoredIntegration find(String acc, String id) {
        return find(acc, "id", id);
    }

    /** {@code field} names the id in a refusal: the path's {@code id}, or a body's {@code integrationId}. */
    StoredIntegration find(String acc, String field, String id) {
        long account = Accounts.existing(directory, acc);
        return integrations.find(account, Check.id(field, id))
                .orElseThrow(() -> ApiProblem.notFound("no integration " + id + " in this account"));
    }

    private static StoredIntegration live(StoredIntegration integration) {
        if (integration.status() == IntegrationStatus.UNLINKED) {
            throw ApiProblem.conflict("integration " + integration.id() + " is unlinked");
        }
        return integration;
    }

    Integration view(StoredIntegration i) {
        Instant next = scheduler.fireTimes(i.id()).map(SyncScheduler.FireTimes::next).orElse(null);
        return new Integration(i.id(), i.provider(), i.status(), i.statusReason(), i.ownerEmail(), i.selectedTypes(),
                i.intervalSeconds(), next, runs.last(i.id()).orElse(null), integrations.limits(i.id()).orElse(null));
    }

    private Timer timerOf(StoredIntegration i) {
        SyncScheduler.FireTimes fires = scheduler.fireTimes(i.id()).orElse(new SyncScheduler.FireTimes(null, null));
        return new Timer(i.id(), i.provider(), i.intervalSeconds(), fires.next(), fires.last());
    }

    /** Refused: 422 in the hub's words. Failing or unreadable: 502, the provider's own answer not repeated. */
    private static void verify(Provider provider, Provider.Connection connection) {
        try {
            provider.verify(connection);
        } catch (ProviderRejection e) {
            throw ApiProblem.rejectedByProvider(e.getMessage());
        } catch (ProviderUnavailable e) {
            throw ApiProblem.providerFailed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Checking {} credentials failed: {}", provider.id(), Causes.rootMessage(e));
            throw ApiProblem.providerFailed(provider.displayName() + " could not be reached, or answered what the "
                    + "hub cannot read");
        }
    }

    private static Map<String, String> credentials(Provider provider, Map<String, String> given) {
        if (given == null) {
            throw ApiProblem.invalid("credentials", "is required");
        }
        Map<String, String> credentials = new HashMap<>();
        for (String field : provider.credentialFields()) {
            credentials.put(field, Check.text("credentials." + field, given.get(field)));
        }
        for (String field : provider.optionalCredentialFields()) {
            String value = given.get(field);
            if (value != null && !value.isBlank()) {
                credentials.put(field, value.trim());
            }
        }
        return credentials;
    }

    static Map<String, Object> settings(Provider provider, Map<String, Object> given) {
        Map<String, Object> settings = knownSettings(provider, given);
        for (String field : provider.requiredSettings()) {
            settings.put(field, Check.text("settings." + field, (String) settings.get(field)));
        }
        return settings;
    }

    /**
     * The provider's own settings, each a text: another key is refused without being repeated (it may hold
     * anything, NUL among it), and so is a nested value.
     */
    static Map<String, Object> knownSettings(Provider provider, Map<String, Object> given) {
        Map<String, Object> settings = given == null ? new HashMap<>() : new HashMap<>(given);
        List<String> known = provider.requiredSettings();
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            if (!known.contains(setting.getKey())) {
                throw ApiProblem.invalid("settings", known.isEmpty() ? provider.id() + " takes no settings"
                        : "takes only " + String.join(", ", known));
            }
            if (setting.getValue() != null && !(setting.getValue() instanceof String)) {
                throw ApiProblem.invalid("settings." + setting.getKey(), "must be a text");
            }
        }
        return settings;
    }

    static List<String> types(Provider provider, List<String> requested) {
        if (!provider.typesSelectable() || requested == null) {
            return provider.types();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null || !provider.types().contains(type)) {
                throw ApiProblem.invalid("selectedTypes[" + i + "]", "must be one of " + provider.types());
            }
            types.add(type);
        }
        if (types.isEmpty()) {
            throw ApiProblem.invalid("selectedTypes", "select at least one type");
        }
        // import order is the provider's: parents before the records nested under them
        List<String> ordered = new ArrayList<>(provider.types());
        ordered.retainAll(types);
        return ordered;
    }
}
