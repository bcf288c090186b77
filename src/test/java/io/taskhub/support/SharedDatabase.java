package io.taskhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's embedded binaries) that hub processes reach through {@code HUB_DB_URL}, as they would
 * reach an external database; several hubs given the same database form one cluster.
 */
public final class SharedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "";
    public static final String APPLICATION = "taskhub-driver";

    private final EmbeddedPostgres postgres;

    private SharedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A fresh server whose files live under {@code dir} (emptied first). */
    public static SharedDatabase start(Path dir) {
        try {
            return new SharedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toAbsolutePath())
                    .setCleanDataDirectory(true)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** Creates an empty database and answers its JDBC url. */
    public String create(String database) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            // a name, not a value: it cannot be a bound parameter; callers pass constants
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return url(database);
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** A connection of the test or benchmark itself, named {@value #APPLICATION} so it can be told from the hubs'. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("ApplicationName", APPLICATION);
        return DriverManager.getConnection(url(database), properties);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
