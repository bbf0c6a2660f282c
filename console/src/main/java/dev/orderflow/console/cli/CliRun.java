package dev.orderflow.console.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** One `orderflow` command the console started as a child process: what was asked, what it printed so far, its exit code. */
public final class CliRun {
    private final String id;
    private final String arguments;
    private final Path outDir;
    private final Instant startedAt = Instant.now();
    private final List<String> output = new ArrayList<>();
    private volatile Integer exitCode;

    CliRun(String id, String arguments, Path outDir) {
        this.id = id;
        this.arguments = arguments;
        this.outDir = outDir;
    }

    public String id() {
        return id;
    }

    /** The command line as shown on the page (without the output directory). */
    public String arguments() {
        return arguments;
    }

    /** Where the command writes its results, and the console its output (cli.log). */
    public Path outDir() {
        return outDir;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean finished() {
        return exitCode != null;
    }

    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    public synchronized List<String> lastLines(int n) {
        return List.copyOf(output.subList(Math.max(0, output.size() - n), output.size()));
    }

    synchronized void println(String line) {
        output.add(line);
    }

    void finish(int code) {
        this.exitCode = code;
    }
}
