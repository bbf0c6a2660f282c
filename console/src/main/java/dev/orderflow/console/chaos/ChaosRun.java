package dev.orderflow.console.chaos;

import dev.orderflow.console.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One `orderflow chaos` run started from the console: the CLI process, and once it exited, its
 * verdict (the CLI's own checker's, from its summary.txt).
 */
public final class ChaosRun {
    private final CliRun process;
    private volatile String summary;

    ChaosRun(CliRun process) {
        this.process = process;
    }

    /** The CLI process: its command line, output, output directory and exit status. */
    public CliRun cli() {
        return process;
    }

    /** The CLI's summary.txt, once the run ended and wrote it. */
    public String summary() {
        if (summary == null && process.finished()) {
            Path file = process.outDir().resolve("summary.txt");
            try {
                summary = Files.isRegularFile(file) ? Files.readString(file) : null;
            } catch (IOException e) {
                return null; // shown as a run that ended without a verdict, its CLI output below
            }
        }
        return summary;
    }

    /** VALID, INVALID, UNKNOWN (the CLI's verdict line), FAILED when the run ended without one, RUNNING before. */
    public String verdict() {
        String summary = summary();
        if (summary != null) {
            for (String line : summary.split("\n")) {
                if (line.startsWith("verdict:")) {
                    return line.substring("verdict:".length()).trim().split("\\s+")[0];
                }
            }
        }
        return process.finished() ? "FAILED" : "RUNNING";
    }

    /** The verdict line's reason, in brackets after the verdict. */
    public String verdictLine() {
        String summary = summary();
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
        String summary = summary();
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
}
