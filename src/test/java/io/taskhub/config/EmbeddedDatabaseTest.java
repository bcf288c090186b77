package io.taskhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL takes password logins only, however its data directory came to be. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewDataDirectoryGetsAPasswordThatSurvivesRestarts() throws Exception {
        String password;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            password = Files.readString(dataDir.resolve("postgres.password")).trim();
            assertThat(password).isEqualTo(database.password()).hasSizeGreaterThanOrEqualTo(43);
            assertOnlyThePasswordLetsIn(database, password);
            execute(database, "create table kept (word text); insert into kept values ('before')");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres.password"))))
                .isEqualTo("rw-------");

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir)) {
            assertThat(restarted.password()).isEqualTo(password);
            assertOnlyThePasswordLetsIn(restarted, password);
            assertThat(kept(restarted)).isEqualTo("before");
        }
    }

    @Test
    void theEmbeddedServerIsTheMajorVersionTheHubSaysItRuns() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER,
                     database.password());
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("show server_version_num")) {
            version.next();
            assertThat(version.getInt(1) / 10_000).isEqualTo(EmbeddedDatabase.MAJOR_VERSION);
        }
        assertThat(Files.readString(dataDir.resolve("postgres/PG_VERSION")).trim())
                .isEqualTo(String.valueOf(EmbeddedDatabase.MAJOR_VERSION));
    }

    @Test
    void aDataDirectoryOfAnotherMajorVersionIsRefusedWithTheWayOut() throws Exception {
        Path made = Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(made.resolve("PG_VERSION"), "14\n");
        assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("made by PostgreSQL 14").hasMessageContaining("runs PostgreSQL 17")
                .hasMessageContaining("Upgrading the embedded database");
        assertThat(Files.readString(made.resolve("PG_VERSION")).trim()).isEqualTo("14");
    }

    @Test
    void aDataDirectoryTheEarlierVersionMadeIsUpgradedAtStart() throws Exception {
        // what the earlier version ran: zonky's defaults, which trust every local connection
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection connection = DriverManager.getConnection(
                     "jdbc:postgresql://localhost:" + trusting.getPort() + "/postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (word text); insert into kept values ('before')");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertOnlyThePasswordLetsIn(database, Files.readString(dataDir.resolve("postgres.password")).trim());
            assertThat(kept(database)).isEqualTo("before");
        }
    }

    @Test
    void aLostPasswordFileIsNamedInsteadOfReplaced() throws Exception {
        EmbeddedDatabase.start(dataDir).close();
        Files.delete(dataDir.resolve("postgres.password"));

        assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir)).hasMessageContaining("postgres.password")
                .hasMessageContaining("missing");
        assertThat(dataDir.resolve("postgres.password")).doesNotExist();
    }

    private static void assertOnlyThePasswordLetsIn(EmbeddedDatabase database, String password) throws SQLException {
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close())
                .as("no password").isInstanceOf(SQLException.class).hasMessageContaining("SCRAM");
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "guess").close())
                .as("a wrong password").hasMessageContaining("password authentication failed");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String kept(EmbeddedDatabase database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select word from kept")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
