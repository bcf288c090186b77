package io.taskhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.taskhub.model.TaskStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One account's task pages and searches read that account's tasks only, however many the hub holds for others: an
 * account with a thousand tasks beside another's 300,000 is found through the task index, never by reading the
 * whole table (the hub's migrated schema, on the PostgreSQL it embeds, statistics up to date).
 */
class TaskSearchScopeTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void aBigNeighbour() throws SQLException, IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("insert into account (name) values ('Big'), ('Small')");
            sql.execute("insert into integration (account_id, provider, status, owner_email, selected_types, "
                    + "interval_seconds) values (1, 'salesforce', 'ACTIVE', 'big@x.test', '{opportunities}', 3600), "
                    + "(2, 'xero', 'ACTIVE', 'small@x.test', '{contacts}', 3600), "
                    + "(1, 'insightly', 'ACTIVE', 'big@x.test', '{tasks}', 3600)");
            sql.execute(tasks(1, "opportunities", 300_000));
            sql.execute(tasks(2, "contacts", 1_000));
            sql.execute(tasks(3, "tasks", 1_000));
            sql.execute("analyze");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aSmallAccountsPagesAndSearchesNeverReadTheWholeTaskTable() throws SQLException {
        SingleConnectionDataSource database = new SingleConnectionDataSource(
                postgres.getJdbcUrl("postgres", "postgres"), true);
        database.setAutoCommit(false);
        TaskQueries queries = new TaskQueries(new JdbcTemplate(database));

        assertThat(queries.find(2, new TaskQueries.Filter(null, null, null, null, "Contact 77"), 0, 50).total())
                .isEqualTo(11);
        assertThat(queries.find(2, new TaskQueries.Filter(null, null, null, null, "c77"), 0, 50).total())
                .isEqualTo(1);
        assertThat(queries.find(2, new TaskQueries.Filter(null, TaskStatus.ACTIVE, null, null, null), 3, 50)
                .items()).hasSize(50);
        assertThat(queries.find(2, new TaskQueries.Filter(3L, null, null, null, null), 0, 50).total())
                .as("another account's integration").isZero();

        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet scans = sql.executeQuery("select seq_scan, idx_scan from pg_stat_xact_user_tables "
                     + "where relname = 'task'")) {
            assertThat(scans.next()).isTrue();
            assertThat(scans.getLong("seq_scan")).as("whole-table reads of task").isZero();
            assertThat(scans.getLong("idx_scan")).isPositive();
        }
        database.destroy();
    }

    private static String tasks(long integration, String type, int count) {
        String prefix = type.substring(0, 1);
        String name = Character.toUpperCase(type.charAt(0)) + type.substring(1, type.length() - 1);
        return "insert into task (integration_id, kind, type, external_id, name, status) select " + integration
                + ", 'TASK', '" + type + "', '" + prefix + "' || g, '" + name + " ' || g, 'ACTIVE' "
                + "from generate_series(1, " + count + ") g";
    }
}
