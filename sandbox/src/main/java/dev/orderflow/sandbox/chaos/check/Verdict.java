package dev.orderflow.sandbox.chaos.check;

import dev.orderflow.sandbox.check.Anomaly;
import java.util.List;

/** The checker's answer (the CLI maps each result to its own exit status). */
public record Verdict(Result result, List<Anomaly> anomalies, String reason) {

    public enum Result {
        VALID,
        /** At least one invariant broke. */
        INVALID,
        /** Nothing broke yet, but the platform did not settle in time, so the check could not finish. */
        UNKNOWN
    }
}
