package dev.orderflow.console.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One look at one service through its public surfaces.
 *
 * @param ready readiness answered UP
 * @param reasons why it is DOWN (the readiness checks' data), empty when UP
 * @param relayLeader whether this instance's outbox relay holds the leadership (null when unknown)
 * @param metrics the orderflow_* numbers, summed over labels
 * @param lag consumer lag per topic-partition of the service's consumer group
 */
public record ServiceSample(String service, Instant at, boolean answered, boolean ready, List<String> reasons,
        Boolean relayLeader, Map<String, Double> metrics, Map<String, Long> lag) {

    public double metric(String name) {
        return metrics.getOrDefault(name, 0.0);
    }

    public long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    public String state() {
        return !answered ? "UNREACHABLE" : ready ? "UP" : "DOWN";
    }
}
