package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.taskhub.model.Run;
import io.taskhub.model.RunTrigger;
import io.taskhub.security.CredentialCipher;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.SyncService;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the route tests of the provider flows share, below the REST API: an integration stored without a Quartz
 * trigger, so that only the run a test starts touches it; that run, to its end; a step's exchanges as Hawtio counts
 * them. Each test class is a {@code @HubTest @CamelSpringBootTest @DisableJmx(false)}, against a provider simulator.
 */
abstract class ProviderRouteTest {

    @Autowired
    protected CamelContext camel;
    @Autowired
    protected SyncService syncs;
    @Autowired
    protected IntegrationRepository integrations;
    @Autowired
    protected CredentialCipher cipher;
    @Autowired
    protected UserDirectory directory;
    @Autowired
    protected JdbcTemplate jdbc;

    /** A new account's integration, its credentials (JSON) sealed as the API seals them. */
    protected long insert(String accountName, String provider, String credentials, Map<String, String> endpoint,
                          Map<String, Object> settings, List<String> types) {
        return insert(directory.createAccount(accountName).id(), provider, credentials, endpoint, settings, types);
    }

    protected long insert(long account, String provider, String credentials, Map<String, String> endpoint,
                          Map<String, Object> settings, List<String> types) {
        long id = integrations.nextId();
        integrations.insert(id, account, provider, "owner@route.test", cipher.seal(id, credentials), endpoint,
                settings, types, 3600);
        return id;
    }

    /** A forced run, incremental or a full reconciliation, to its end. */
    protected Run sync(long integration, boolean full) {
        return syncs.run(syncs.start(integration, RunTrigger.FORCED, full).orElseThrow().runId());
    }

    /** The exchanges the step of this id completed, as Hawtio shows them. */
    protected long completed(String step) {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        assertThat(managed.getManagedProcessor(step)).as("the step " + step + " in Hawtio").isNotNull();
        return managed.getManagedProcessor(step).getExchangesCompleted();
    }

    /** The type's stored cursor, or null. */
    protected String cursor(long integration, String type) {
        return jdbc.queryForList("select position from sync_cursor where integration_id = ? and type = ?",
                String.class, integration, type).stream().findFirst().orElse(null);
    }
}
