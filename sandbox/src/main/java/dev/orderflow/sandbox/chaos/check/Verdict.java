package dev.orderflow.sandbox.chaos.check;

import dev.orderflow.sandbox.check.Anomaly;
import java.util.List;

/** The checker's answer, with the process exit status the CLI returns for it. */
public record Verdict(Result result, List<Anomaly> anomalies, String reason) {

    public enum Result {
        VALID(0),
        /** At least one invariant broke. */
        INVALID(1),
        /** Nothing broke yet, but the platform did not settle in time, so the check could not finish. */
        UNKNOWN(2);

        private final int exitCode;

        Result(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
