package io.taskhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from {@code /proc}) of the processes a measurement involves: a hub, the PostgreSQL
 * server (postmaster and every backend it forked), and this driver, which hosts the simulators. Wall times tell
 * what a user sees; CPU per record tells which process limits it on a machine with few cores.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on Linux. */
    private static final double TICKS = 100.0;

    private final long postmaster;

    CpuMeter(Path postgresData) {
        try {
            this.postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no postmaster.pid in " + postgresData, e);
        }
    }

    /** Seconds of CPU used so far by one process (0 once it is gone). */
    static double process(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double self() {
        return process(ProcessHandle.current().pid());
    }

    /** The PostgreSQL server's CPU so far; backends that have exited are not counted, so read it while they live. */
    double postgres() {
        try (Stream<ProcessHandle> children = ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::children)) {
            return process(postmaster) + children.mapToDouble(child -> process(child.pid())).sum();
        }
    }
}
