package dev.orderflow.sandbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time per component from Linux's {@code /proc} (user + system ticks of the process and of
 * its descendants that are not components themselves, e.g. PostgreSQL's backends), and of the
 * whole machine: where the cores went during a phase, including what other users of it took.
 */
final class ProcessCpu {
    /** USER_HZ: 100 on every Linux architecture the platform runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /** A snapshot: ticks per component, machine busy ticks (all cores), wall-clock nanos. */
    record Sample(Map<String, Long> ticks, long machineBusyTicks, long nanos) {}

    static Sample sample(Map<String, ProcessHandle> components) {
        Set<Long> componentPids = components.values().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        Map<String, Long> ticks = new LinkedHashMap<>();
        components.forEach((name, handle) -> ticks.put(name, treeTicks(handle, componentPids)));
        return new Sample(ticks, machineBusyTicks(), System.nanoTime());
    }

    /**
     * A process and its descendants, except subtrees that are components of their own: the bench
     * started every other component, so counting all its descendants counted the platform twice.
     */
    private static long treeTicks(ProcessHandle process, Set<Long> componentPids) {
        return ticks(process.pid()) + process.children()
                .filter(child -> !componentPids.contains(child.pid()))
                .mapToLong(child -> treeTicks(child, componentPids))
                .sum();
    }

    /** Cores busy on average between two samples, per component. */
    static Map<String, Double> coresBusy(Sample before, Sample after) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        after.ticks().forEach((name, t) -> cores.put(name,
                Math.round(100.0 * (t - before.ticks().getOrDefault(name, t)) / TICKS_PER_SECOND / seconds) / 100.0));
        return cores;
    }

    static double machineCoresBusy(Sample before, Sample after) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        return Math.round(100.0 * (after.machineBusyTicks() - before.machineBusyTicks()) / TICKS_PER_SECOND / seconds) / 100.0;
    }

    /** utime + stime of one process (fields 14 and 15 of /proc/pid/stat); 0 when it is gone or not Linux. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy ticks of all cores: the first line of /proc/stat minus idle and iowait. */
    static long machineBusyTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] f = lines.findFirst().orElse("cpu").trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
