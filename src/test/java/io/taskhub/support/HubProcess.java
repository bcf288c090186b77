package io.taskhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged hub jar running as a separate JVM against a database the caller started, as an operator runs it:
 * configured through {@code HUB_*} environment variables only, its output kept in a log file. Knows its pid, so
 * that a benchmark can read its peak RSS and a test can kill it.
 */
public final class HubProcess implements AutoCloseable {

    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-bench-pass";

    private static final Pattern GC_PAUSE = Pattern.compile("\\bGC\\(\\d+\\) .* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final int port;
    private final Path log;
    private final Path gcLog;

    private HubProcess(Process process, int port, Path log, Path gcLog) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.gcLog = gcLog;
        // a driver stopped with Ctrl-C takes its hubs along
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** What to start: which jar, which database, which heap; anything else goes in {@link #env}. */
    public static final class Options {
        private final Path jar;
        private final Path workDir;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvm = new ArrayList<>();

        public Options(Path jar, Path workDir) {
            this.jar = jar;
            this.workDir = workDir;
        }

        /** An external PostgreSQL shared by every instance that gets the same url and secret key. */
        public Options database(String jdbcUrl, String user, String password, String secretKey) {
            env.put("HUB_DB_URL", jdbcUrl);
            env.put("HUB_DB_USER", user);
            env.put("HUB_DB_PASSWORD", password);
            env.put("HUB_SECRET_KEY", secretKey);
            return this;
        }

        public Options env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Options jvm(String... options) {
            jvm.addAll(List.of(options));
            return this;
        }
    }

    /**
     * Starts the hub on a free port, with its data dir and logs under {@code workDir/name}. Routes are read from
     * the project's {@code routes/} folder, without reloading.
     */
    public static HubProcess start(String name, Options options) {
        try {
            Path dir = options.workDir.resolve(name).toAbsolutePath();
            Files.createDirectories(dir);
            int port = freePort();
            Path log = dir.resolve("hub.log");
            Path gcLog = dir.resolve("gc.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options.jvm);
            command.add("-Xlog:gc:file=" + gcLog);
            command.add("-jar");
            command.add(options.jar.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("HUB_"));
            env.put("HUB_PORT", Integer.toString(port));
            env.put("HUB_ENDPOINT_HOSTS", "localhost,127.0.0.1"); // the simulators
            env.put("HUB_DATA_DIR", dir.resolve("data").toString());
            env.put("HUB_ROUTES_DIR", Path.of("routes").toAbsolutePath().toString());
            env.put("HUB_ROUTES_RELOAD", "false");
            env.put("HUB_OPERATOR_USER", OPERATOR);
            env.put("HUB_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
            env.putAll(options.env);
            return new HubProcess(builder.start(), port, log, gcLog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the hub " + name, e);
        }
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the log's tail if the process dies first. */
    public HubProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HubClient anonymous = HubClient.at(port);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub on port " + port + " exited with " + process.exitValue()
                        + ":\n" + logTail(40));
            }
            try {
                if (anonymous.get("/actuator/health").status() == 200) {
                    return this;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IllegalStateException("the hub on port " + port + " did not start in " + timeout + ":\n"
                + logTail(40));
    }

    public long pid() {
        return process.pid();
    }

    /** A client without login, as a provider calling a webhook. */
    public HubClient anonymous() {
        return HubClient.at(port);
    }

    public HubClient operator() {
        return HubClient.at(port).as(OPERATOR, OPERATOR_PASSWORD);
    }

    /** The most resident memory the process ever had (VmHWM of {@code /proc/<pid>/status}), in KiB. */
    public long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("no VmHWM for process " + pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The most heap ever in use, in MiB: the largest "before" figure of the GC log's collections (heap use only
     * grows between two collections, so their "before" figures are its peaks).
     */
    public long peakHeapMib() {
        try {
            long peak = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_PAUSE.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                }
            }
            return peak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the hub has written this text to its output so far. */
    public boolean logContains(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the hub's output, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: the instance vanishes mid-work, as when its machine dies. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM and a graceful shutdown; SIGKILL if that takes too long. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(30))) {
                kill();
            }
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
