package dev.orderflow.console.chaos;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One `orderflow chaos` run started from the console: what was asked, what the CLI printed so
 * far, and once it exited, its verdict (the CLI's own checker's, from its summary).
 */
public final class ChaosRun {
    private final String id;
    private final String arguments;
    private final Path outDir;
    private final Instant startedAt = Instant.now();
    private final List<String> output = new ArrayList<>();
    private volatile Integer exitCode;
    private volatile String summary;

    ChaosRun(String id, String arguments, Path outDir) {
        this.id = id;
        this.arguments = arguments;
        this.outDir = outDir;
    }

    public String id() {
        return id;
    }

    public String arguments() {
        return arguments;
    }

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

    /** The CLI's summary.txt, once the run wrote it. */
    public String summary() {
        return summary;
    }

    /** VALID, INVALID, UNKNOWN (the CLI's verdict line), FAILED when the run ended without one, RUNNING before. */
    public String verdict() {
        if (summary != null) {
            for (String line : summary.split("\n")) {
                if (line.startsWith("verdict:")) {
                    return line.substring("verdict:".length()).trim().split("\\s+")[0];
                }
            }
        }
        return finished() ? "FAILED" : "RUNNING";
    }

    /** The verdict line's reason, in brackets after the verdict. */
    public String verdictLine() {
        if (summary != null) {
            for (String line : summary.split("\n")) {
                if (line.startsWith("verdict:")) {
                    return line.substring("verdict:".length()).trim();
                }
            }
        }
        return "";
    }

    /** The anomaly lines of the summary (indented lines after "anomalies:"). */
    public List<String> anomalies() {
        List<String> anomalies = new ArrayList<>();
        if (summary == null) {
            return anomalies;
        }
        boolean inAnomalies = false;
        for (String line : summary.split("\n")) {
            if (line.startsWith("anomalies:")) {
                inAnomalies = true;
            } else if (!line.startsWith(" ")) {
                inAnomalies = false;
            } else if (inAnomalies) {
                anomalies.add(line.trim());
            }
        }
        return anomalies;
    }

    public synchronized List<String> lastLines(int n) {
        return List.copyOf(output.subList(Math.max(0, output.size() - n), output.size()));
    }

    synchronized void println(String line) {
        output.add(line);
    }

    void finish(int code, String summaryText) {
        this.summary = summaryText;
        this.exitCode = code;
    }
}
