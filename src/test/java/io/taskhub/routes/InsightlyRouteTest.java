package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.taskhub.model.Role;
import io.taskhub.model.Run;
import io.taskhub.model.RunStatus;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.support.HubTest;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Insightly routes against the simulator and the embedded PostgreSQL, below the REST API: the users directory
 * once, then each type by offset pages through the named steps Hawtio shows, tasks nested under their projects and
 * assigned by their users' emails; then only what changed (the search), and a full reconciliation that asks for
 * what it did not see by id and archives only what Insightly no longer has.
 */
@HubTest
@CamelSpringBootTest
@DisableJmx(false)
class InsightlyRouteTest extends ProviderRouteTest {

    /** One of the Insightly instance's users, and the only one the hub's account has too. */
    private static final String SALES = "sales@insightly.example";

    private final InsightlySimulator insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults()
            .withSize(40));

    @AfterEach
    void stop() {
        insightly.close();
    }

    @Test
    void projectsThenTheirTasksThenWhatChangedThenAFullReconciliation() {
        long integration = insightlyIntegration();
        long usersBefore = completed("insightly-add-users");
        long fetchedBefore = completed("insightly-fetch-page");

        Run full = sync(integration, false);

        assertThat(full.status()).as(String.valueOf(full.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(full.counts().created()).isEqualTo(80);
        assertThat(completed("insightly-add-users") - usersBefore).as("the users once").isEqualTo(1);
        assertThat(completed("insightly-fetch-page") - fetchedBefore).as("a page a type").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from task t join task p on p.id = t.parent_id "
                + "where t.integration_id = ? and t.type = 'tasks' and p.type = 'projects'", Integer.class,
                integration)).as("tasks under their projects").isPositive();
        assertThat(jdbc.queryForList("select distinct a.email from task_assignee a join task t on t.id = a.task_id "
                + "where t.integration_id = ? and t.kind = 'TASK'", String.class, integration))
                .as("the hub's user whose Insightly user owns or is responsible for a record").containsExactly(SALES);

        long renamed = insightly.id(InsightlyType.TASKS, 3);
        insightly.update(renamed, Map.of("TITLE", "Renamed in Insightly"));
        insightly.resetCounters();
        Run incremental = sync(integration, false);

        assertThat(incremental.status()).as(String.valueOf(incremental.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(incremental.counts().updated()).isEqualTo(1);
        assertThat(insightly.requestLog()).filteredOn(r -> !r.contains("/Users"))
                .allMatch(r -> r.contains("/Search?updated_after_utc="));
        assertThat(name(integration, renamed)).isEqualTo("Renamed in Insightly");

        long deleted = Long.parseLong(jdbc.queryForObject("select external_id from task where integration_id = ? "
                + "and type = 'tasks' and status = 'ACTIVE' order by id limit 1", String.class, integration));
        insightly.delete(deleted);
        long confirmedBefore = completed("insightly-confirm-by-id");
        Run reconciliation = sync(integration, true);

        assertThat(reconciliation.status()).as(String.valueOf(reconciliation.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(reconciliation.counts().archived()).isEqualTo(1);
        assertThat(completed("insightly-confirm-by-id") - confirmedBefore).isEqualTo(1);
        assertThat(jdbc.queryForObject("select archived_reason from task where integration_id = ? "
                + "and external_id = ?", String.class, integration, String.valueOf(deleted))).isEqualTo("DELETED");
    }

    /** A NUL, which PostgreSQL stores in no text, in a record's name: stored as U+FFFD, and the sync goes on. */
    @Test
    void aNulInARecordIsStoredAsTheReplacementCharacter() {
        long integration = insightlyIntegration();
        long named = insightly.id(InsightlyType.TASKS, 2);
        insightly.update(named, Map.of("TITLE", "nul\u0000here"));

        Run run = sync(integration, false);

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts().created()).isEqualTo(80);
        assertThat(name(integration, named)).isEqualTo("nul\uFFFDhere");
    }

    private String name(long integration, long externalId) {
        return jdbc.queryForObject("select name from task where integration_id = ? and external_id = ?",
                String.class, integration, String.valueOf(externalId));
    }

    private long insightlyIntegration() {
        long account = directory.createAccount("Insightly route").id();
        directory.createUser(account, SALES, "Sales", Role.REGULAR, "sales-password-1");
        return insert(account, "insightly", "{\"apiKey\":\"" + InsightlySimulator.DEFAULT_API_KEY
                + "\",\"pod\":\"na1\"}", Map.of("baseUrl", insightly.baseUrl()), Map.of(),
                List.of("projects", "tasks"));
    }
}
