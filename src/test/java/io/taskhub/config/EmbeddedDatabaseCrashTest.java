package io.taskhub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A hub killed with SIGKILL leaves its PostgreSQL running; the next start stops that server and keeps its data. */
class EmbeddedDatabaseCrashTest {

    @TempDir
    Path dataDir;

    @Test
    @Timeout(90)
    void aServerLeftRunningByAKilledHubIsStoppedAndItsDataKept() throws Exception {
        Process hub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledHub.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        Optional<ProcessHandle> orphan = Optional.empty();
        try {
            awaitReady(hub);
            orphan = ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip()));
            hub.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(orphan.orElseThrow().isAlive()).as("the killed hub's PostgreSQL").isTrue();

            try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir);
                 Connection connection = DriverManager.getConnection(restarted.jdbcUrl(), EmbeddedDatabase.USER,
                         restarted.password());
                 Statement statement = connection.createStatement();
                 ResultSet kept = statement.executeQuery("select word from kept")) {
                assertThat(orphan.get().isAlive()).as("the killed hub's PostgreSQL").isFalse();
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("before the crash");
            }
        } finally {
            hub.destroyForcibly();
            orphan.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static void awaitReady(Process hub) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(KilledHub.READY)) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the hub to kill ended before its database was ready:\n" + seen);
    }

    /** Starts the embedded database, writes a row and waits to be killed, never closing it. */
    static final class KilledHub {
        static final String READY = "database ready";

        public static void main(String[] args) throws Exception {
            EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER,
                    database.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table kept (word text); insert into kept values ('before the crash')");
            }
            System.out.println(READY);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
