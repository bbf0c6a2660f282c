package dev.orderflow.sandbox.chaos;

import dev.orderflow.sandbox.chaos.fault.FaultType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One chaos run's settings.
 *
 * @param faults how many faults the schedule injects (at least one per type)
 * @param duration how long the workload and the fault schedule last
 * @param settleTimeout how long to wait, after healing, for every order to end
 */
public record ChaosOptions(List<FaultType> types, int faults, int orders, long seed, Duration duration, Mode mode,
        int concurrency, Duration settleTimeout, Path outDir) {

    /** With every pattern on, or with the naive switches of shared-messaging on (the teaching comparison). */
    public enum Mode {
        PATTERNS(Map.of()),
        NAIVE(Map.of("orderflow.messaging.naive.dual-write", "true",
                "orderflow.messaging.naive.no-inbox", "true",
                "orderflow.messaging.naive.no-sequence-checks", "true",
                "orderflow.messaging.naive.no-idempotency-keys", "true"));

        private final Map<String, String> serviceConfig;

        Mode(Map<String, String> serviceConfig) {
            this.serviceConfig = serviceConfig;
        }

        public Map<String, String> serviceConfig() {
            return serviceConfig;
        }

        public static Mode parse(String value) {
            return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown mode '" + value + "'; use patterns or naive"));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code all} or one scenario name ({@code db-cut}); {@code all} mixes every fault type. */
    public static List<FaultType> scenario(String name) {
        return "all".equals(name) ? List.of(FaultType.values()) : List.of(FaultType.fromScenario(name));
    }

    /** Enough faults for the schedule: {@code all} gets at least 20, one scenario gets 3. */
    public static int defaultFaults(List<FaultType> types) {
        return types.size() == 1 ? 3 : Math.max(20, types.size() * 2);
    }
}
