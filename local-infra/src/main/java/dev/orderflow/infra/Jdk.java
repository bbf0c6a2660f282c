package dev.orderflow.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds a {@code java} executable of at least a given feature version: the running JVM,
 * then JAVA_HOME, then {@code java} on PATH, then /usr/lib/jvm/*. Apicurio Registry 3.x
 * needs 21+, so no path may be assumed.
 */
public final class Jdk {
    private Jdk() {}

    public static Path javaExecutable(int minimumVersion) {
        return find(minimumVersion)
                .orElseThrow(() -> new InfraException("No JDK >= " + minimumVersion + " found (looked at the running JVM, "
                        + "JAVA_HOME, java on PATH and /usr/lib/jvm/*). Install one (e.g. Temurin 21+) and set JAVA_HOME to it."));
    }

    public static Optional<Path> find(int minimumVersion) {
        for (Path candidate : candidates()) {
            if (Files.isExecutable(candidate) && featureVersion(candidate) >= minimumVersion) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home"), "bin", "java"));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome, "bin", "java"));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "java"));
            }
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                // Newest first, so a machine with several JDKs picks the most recent one.
                dirs.sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
                        .forEach(dir -> candidates.add(dir.resolve("bin/java")));
            } catch (IOException ignored) {
                // Unreadable directory: the other candidates still apply.
            }
        }
        return candidates;
    }

    /** The running JVM's version is known; others are asked with {@code java -version}. */
    static int featureVersion(Path java) {
        try {
            if (java.toRealPath().equals(Path.of(System.getProperty("java.home"), "bin", "java").toRealPath())) {
                return Runtime.version().feature();
            }
            Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return parseFeatureVersion(output);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Parses {@code version "17.0.15"}, {@code version "25"} or {@code version "1.8.0_402"}. */
    static int parseFeatureVersion(String versionOutput) {
        int quote = versionOutput.indexOf('"');
        if (quote < 0) {
            return -1;
        }
        int end = versionOutput.indexOf('"', quote + 1);
        String version = versionOutput.substring(quote + 1, end);
        String[] parts = version.split("[.\\-+_]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
