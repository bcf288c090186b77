package io.taskhub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's Flyway history applies cleanly on the PostgreSQL it embeds (17) and on the earlier major many users still
 * run (14, whose binaries the POM unpacks into target/): from an empty database, and on 14 as an upgrade from the
 * schema an earlier hub left, recording the same migrations either way.
 */
class MigrationsOnTwoMajorsTest {

    private static final String LOCATION = "classpath:db/migration";
    private static final Path MIGRATION_FILES = Path.of("src/main/resources/db/migration");

    private static final String PREVIOUS_VERSION = System.getProperty("previous-postgres.version");
    private static final Path PREVIOUS_ARCHIVE = Path.of(System.getProperty("previous-postgres.archive", ""));

    private static List<MigrationVersion> files;

    @TempDir
    static Path dirs;

    @BeforeAll
    static void listMigrationFiles() throws IOException {
        try (Stream<Path> listed = Files.list(MIGRATION_FILES)) {
            files = listed.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.+\\.sql"))
                    .map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__"))))
                    .sorted().toList();
        }
        assertThat(files).as("migration files in " + MIGRATION_FILES).hasSizeGreaterThan(2);
        assertThat(PREVIOUS_ARCHIVE).as("the earlier PostgreSQL's binaries (run through Maven)").isRegularFile();
    }

    @Test
    void theWholeHistoryAppliesOnBothMajorsAndRecordsTheSameMigrations() throws Exception {
        try (EmbeddedPostgres current = current(); EmbeddedPostgres previous = previous()) {
            assertThat(majorVersion(current)).isEqualTo(EmbeddedDatabase.MAJOR_VERSION);
            assertThat(majorVersion(previous)).isEqualTo(Integer.parseInt(PREVIOUS_VERSION.split("\\.")[0]));

            List<String> onCurrent = migratedFromEmpty(current.getPostgresDatabase());
            List<String> onPrevious = migratedFromEmpty(previous.getPostgresDatabase());
            assertThat(onPrevious).hasSize(files.size()).isEqualTo(onCurrent);
        }
    }

    @Test
    void aPreviousMajorsDatabaseLeftByAnEarlierHubUpgradesToTheSameHistory() throws Exception {
        MigrationVersion earlierHub = files.get(files.size() / 2);
        try (EmbeddedPostgres current = current(); EmbeddedPostgres previous = previous()) {
            DataSource upgraded = previous.getPostgresDatabase();
            flyway(upgraded).target(earlierHub).load().migrate();
            assertThat(flyway(upgraded).load().info().current().getVersion()).isEqualTo(earlierHub);

            assertThat(flyway(upgraded).load().migrate().migrationsExecuted)
                    .isEqualTo(files.size() - files.indexOf(earlierHub) - 1);
            flyway(upgraded).load().validate();
            assertThat(history(upgraded)).isEqualTo(migratedFromEmpty(current.getPostgresDatabase()));
        }
    }

    /** Migrates an empty database, checks every file applied, and answers the history table's rows. */
    private static List<String> migratedFromEmpty(DataSource database) throws SQLException {
        Flyway flyway = flyway(database).load();
        assertThat(flyway.info().applied()).isEmpty();
        flyway.migrate();
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(Arrays.stream(applied).map(MigrationInfo::getVersion).toList()).isEqualTo(files);
        assertThat(flyway.info().current().getVersion()).isEqualTo(files.get(files.size() - 1));
        assertThat(flyway.info().pending()).isEmpty();
        return history(database);
    }

    /** What Flyway recorded of each migration, without who ran it, when, or for how long. */
    private static List<String> history(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, description, type, script, checksum, success "
                     + "from flyway_schema_history order by installed_rank")) {
            List<String> history = new ArrayList<>();
            while (rows.next()) {
                history.add(String.join(" ", rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6)));
            }
            return history;
        }
    }

    private static FluentConfiguration flyway(DataSource database) {
        return Flyway.configure().dataSource(database).locations(LOCATION);
    }

    private static int majorVersion(EmbeddedPostgres server) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("show server_version_num")) {
            version.next();
            return version.getInt(1) / 10_000;
        }
    }

    /** The binaries on the class path: the ones the hub embeds. */
    private static EmbeddedPostgres current() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(dirs, "current"))
                .setCleanDataDirectory(true).start();
    }

    private static EmbeddedPostgres previous() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(dirs, "previous"))
                .setCleanDataDirectory(true)
                .setPgBinaryResolver((system, hardware) -> new FileInputStream(PREVIOUS_ARCHIVE.toFile()))
                .start();
    }
}
