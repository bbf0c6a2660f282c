package dev.orderflow.sandbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * What a JVM's threads do, from their names (Linux keeps the first 15 characters): the first
     * prefix that matches names the part. The outbox relay is one thread per service.
     */
    static final Map<String, List<String>> THREAD_PARTS = threadParts();

    private static Map<String, List<String>> threadParts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("relay", List.of("outbox-relay"));
        parts.put("kafka consumer", List.of("smallrye-kafka-", "kafka-coordinat"));
        parts.put("kafka producer", List.of("kafka-producer-"));
        parts.put("workers", List.of("vert.x-worker", "executor-thread", "vert.x-internal"));
        parts.put("event loops", List.of("vert.x-eventloo", "vert.x-acceptor"));
        parts.put("gc", List.of("GC ", "G1 ", "VM Thread"));
        parts.put("jit", List.of("C1 ", "C2 "));
        return parts;
    }

    /**
     * A snapshot: ticks per component, per JVM part of the components named in {@code threadsOf},
     * machine busy ticks (all cores), wall-clock nanos.
     */
    record Sample(Map<String, Long> ticks, Map<String, Map<String, Long>> threadTicks, long machineBusyTicks, long nanos) {}

    static Sample sample(Map<String, ProcessHandle> components) {
        return sample(components, Set.of());
    }

    static Sample sample(Map<String, ProcessHandle> components, Set<String> threadsOf) {
        Set<Long> componentPids = components.values().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        Map<String, Long> ticks = new LinkedHashMap<>();
        components.forEach((name, handle) -> ticks.put(name, treeTicks(handle, componentPids)));
        Map<String, Map<String, Long>> threadTicks = new LinkedHashMap<>();
        components.forEach((name, handle) -> {
            if (threadsOf.contains(name)) {
                threadTicks.put(name, threadPartTicks(handle.pid()));
            }
        });
        return new Sample(ticks, threadTicks, machineBusyTicks(), System.nanoTime());
    }

    /** CPU milliseconds per completed order between two samples, per component. */
    static Map<String, Double> msPerOrder(Sample before, Sample after, long orders) {
        Map<String, Double> perOrder = new LinkedHashMap<>();
        after.ticks().forEach((name, t) -> perOrder.put(name, msPerOrder(t - before.ticks().getOrDefault(name, t), orders)));
        return perOrder;
    }

    /** The same per JVM part of each component sampled with its threads; "other" is what no part names. */
    static Map<String, Map<String, Double>> threadMsPerOrder(Sample before, Sample after, long orders) {
        Map<String, Map<String, Double>> perOrder = new LinkedHashMap<>();
        after.threadTicks().forEach((name, parts) -> {
            Map<String, Long> earlier = before.threadTicks().getOrDefault(name, Map.of());
            Map<String, Double> row = new LinkedHashMap<>();
            parts.forEach((part, t) -> row.put(part, msPerOrder(t - earlier.getOrDefault(part, 0L), orders)));
            perOrder.put(name, row);
        });
        return perOrder;
    }

    private static double msPerOrder(long ticks, long orders) {
        return orders == 0 ? Double.NaN : Math.round(100.0 * ticks * 1000 / TICKS_PER_SECOND / orders) / 100.0;
    }

    /**
     * Ticks of one process's threads grouped by {@link #THREAD_PARTS} (threads that ended between
     * two samples are lost: the bench's load keeps the same pools busy, so that is small).
     */
    static Map<String, Long> threadPartTicks(long pid) {
        Map<String, Long> parts = new LinkedHashMap<>();
        THREAD_PARTS.keySet().forEach(part -> parts.put(part, 0L));
        parts.put("other", 0L);
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                String name = threadName(task);
                long ticks = ticks(task.resolve("stat"));
                String part = THREAD_PARTS.entrySet().stream()
                        .filter(e -> e.getValue().stream().anyMatch(name::startsWith))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse("other");
                parts.merge(part, ticks, Long::sum);
            });
        } catch (IOException | RuntimeException gone) {
            // The process ended: no threads to count.
        }
        return parts;
    }

    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
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
        return ticks(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** utime + stime from a {@code stat} file of a process or of one of its threads. */
    private static long ticks(Path statFile) {
        try {
            String stat = Files.readString(statFile);
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
