package dev.orderflow.console.learn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.console.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One `orderflow lab <pattern> --out DIR` started from the Learn page: the CLI process, and once it
 * wrote it, the lab's own result (DIR/result.json, written by the sandbox's LabResultFile) — the two
 * halves and the verdict as the lab decided them, not scraped from its text.
 */
public final class LabRun {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final String pattern;
    private final CliRun process;
    private volatile Outcome outcome;

    LabRun(String pattern, CliRun process) {
        this.pattern = pattern;
        this.process = process;
    }

    /** result.json's labs entry. */
    public record Outcome(String pattern, boolean passed, boolean damageShown, boolean damagePrevented, String verdict,
                          Half naive, Half patterns) {}

    public record Half(String title, List<String> evidence) {}

    private record ResultFile(boolean passed, List<Outcome> labs) {}

    public String pattern() {
        return pattern;
    }

    /** The CLI process: its command line, output, output directory and exit status. */
    public CliRun cli() {
        return process;
    }

    /** The exit status as text for the page ("" while running). */
    public String exitText() {
        return process.exitCode().isPresent() ? String.valueOf(process.exitCode().getAsInt()) : "";
    }

    /** The lab's result, once the CLI wrote it (it does when the lab ends, before the platform stops). */
    public Outcome outcome() {
        if (outcome == null) {
            Path file = process.outDir().resolve("result.json");
            if (Files.isRegularFile(file)) {
                try {
                    ResultFile result = JSON.readValue(file.toFile(), ResultFile.class);
                    outcome = result.labs().stream().filter(l -> l.pattern().equals(pattern)).findFirst().orElse(null);
                } catch (IOException e) {
                    return null; // written by an atomic move: unreadable means not a lab result, shown as ERROR
                }
            }
        }
        return outcome;
    }

    /**
     * PASSED (the naive run showed the damage, the pattern prevented it: exit 0), INCONCLUSIVE (the
     * naive run did no harm), FAILED (damage with the pattern on), ERROR (the CLI ended without a
     * result, e.g. the platform did not start), RUNNING before the result.
     */
    public String verdict() {
        Outcome result = outcome();
        if (result != null) {
            return result.passed() ? "PASSED" : result.damageShown() ? "FAILED" : "INCONCLUSIVE";
        }
        return process.finished() ? "ERROR" : "RUNNING";
    }
}
