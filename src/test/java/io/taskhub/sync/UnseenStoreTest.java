package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.taskhub.model.Run;
import io.taskhub.model.RunStatus;
import io.taskhub.model.RunTrigger;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.security.CredentialCipher;
import io.taskhub.security.UserDirectory;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tasks' statements of the route template unseen-by-id against the embedded PostgreSQL: what a run did not see,
 * and keeping some of it, however many ids at once.
 */
@HubTest
class UnseenStoreTest {

    private static final String UNSEEN = "sql/unseen-tasks.sql";
    private static final String KEEP = "sql/keep-unseen-tasks.sql";

    @Autowired
    UnseenStore store;
    @Autowired
    SyncService syncs;
    @Autowired
    IntegrationRepository integrations;
    @Autowired
    CredentialCipher cipher;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void whatARunKeepsIsNoLongerUnseen() {
        try (InsightlySimulator insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults()
                .withSize(0).withCount(InsightlyType.CONTACTS, 3))) {
            long account = directory.createAccount("Unseen store").id();
            long integration = integrations.nextId();
            integrations.insert(integration, account, "insightly", "owner@unseen.test", cipher.seal(integration,
                    "{\"apiKey\":\"" + InsightlySimulator.DEFAULT_API_KEY + "\",\"pod\":\"na1\"}"),
                    Map.of("baseUrl", insightly.baseUrl()), Map.of(), List.of("contacts"), 3600);
            Run run = syncs.run(syncs.start(integration, RunTrigger.FORCED, false).orElseThrow().runId());
            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
            List<String> imported = jdbc.queryForList("select external_id from task where integration_id = ? "
                    + "and type = 'contacts' and kind = 'TASK' order by external_id", String.class, integration);
            assertThat(imported).hasSize(3);
            // the next full reconciliation, which has not seen them yet
            SyncContext later = new SyncContext(run.id() + 1, integration, account, null, null, List.of("contacts"),
                    true, Map.of(), Map.of());

            assertThat(store.unseen(UNSEEN, later, "contacts")).containsExactlyElementsOf(imported);

            // more ids than one statement binds, the one that is imported among the last
            List<String> kept = new ArrayList<>(IntStream.range(0, UnseenStore.KEPT_AT_ONCE)
                    .mapToObj(i -> "missing-" + i).toList());
            kept.add(imported.get(2));
            store.keep(KEEP, later, "contacts", List.of(imported.get(0)));
            store.keep(KEEP, later, "contacts", kept);

            assertThat(store.unseen(UNSEEN, later, "contacts")).containsExactly(imported.get(1));
        }
    }
}
