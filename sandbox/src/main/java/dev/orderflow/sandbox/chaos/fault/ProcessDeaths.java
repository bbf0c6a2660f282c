package dev.orderflow.sandbox.chaos.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Deaths of platform processes that no fault planned, with their evidence: an exit status other
 * than the fault's own (reported by the fault), a JVM crash log ({@code hs_err_pid*.log}, written
 * into the process's working directory) and an {@code OutOfMemoryError} in a component's log. A
 * platform that crashes on its own is not healthy, whatever the invariants say: the checker makes
 * each one an anomaly.
 */
public final class ProcessDeaths {
    static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";

    private final Path stateDir;
    private final Path logDir;
    private final Instant since;
    private final Map<Path, Long> logSizesAtStart;
    private final List<String> unplannedExits = Collections.synchronizedList(new ArrayList<>());

    private ProcessDeaths(Path stateDir, Path logDir, Instant since, Map<Path, Long> logSizesAtStart) {
        this.stateDir = stateDir;
        this.logDir = logDir;
        this.since = since;
        this.logSizesAtStart = logSizesAtStart;
    }

    /** Starts watching: crash logs older than now and log lines written before now belong to earlier runs. */
    public static ProcessDeaths watchingFromNow(Path stateDir, Path logDir) {
        Map<Path, Long> sizes = new HashMap<>();
        for (Path log : files(logDir, ".log")) {
            try {
                sizes.put(log, Files.size(log));
            } catch (IOException e) {
                sizes.put(log, 0L);
            }
        }
        return new ProcessDeaths(stateDir, logDir, Instant.now(), sizes);
    }

    /** A fault saw its target exit with another status than the one it planned. */
    void exitedUnplanned(String component, int status, String planned) {
        unplannedExits.add(component + " exited with status " + status + " (the fault planned " + planned + ")");
    }

    /** Everything found so far, one line of evidence per death. */
    public List<String> evidence() {
        List<String> evidence = new ArrayList<>(unplannedExits);
        for (Path crashLog : files(stateDir, "")) {
            String name = crashLog.getFileName().toString();
            if (name.startsWith("hs_err_pid") && name.endsWith(".log") && modifiedSince(crashLog)) {
                evidence.add("JVM crash log " + crashLog + ": " + firstProblemLine(crashLog));
            }
        }
        for (Path log : files(logDir, ".log")) {
            String line = firstLineContaining(log, logSizesAtStart.getOrDefault(log, 0L), OUT_OF_MEMORY);
            if (line != null) {
                evidence.add("OutOfMemoryError in " + log + ": " + line.strip());
            }
        }
        return evidence;
    }

    private boolean modifiedSince(Path file) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(since);
        } catch (IOException e) {
            return true;
        }
    }

    /** The crash log's summary, e.g. "#  SIGSEGV (0xb) at pc=..., pid=..." and the problematic frame. */
    private static String firstProblemLine(Path crashLog) {
        try (Stream<String> lines = Files.lines(crashLog, StandardCharsets.ISO_8859_1)) {
            return String.join(" | ", lines.filter(l -> l.startsWith("#  SIG") || l.startsWith("# Problematic frame:")
                    || l.startsWith("# C  ") || l.startsWith("# V  ") || l.startsWith("# J  ")).limit(3).toList());
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String firstLineContaining(Path log, long offset, String text) {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            channel.position(Math.min(offset, channel.size()));
            InputStream in = Channels.newInputStream(channel);
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().filter(line -> line.contains(text)).findFirst().orElse(null);
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir, 4)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
