package dev.orderflow.messaging.health;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which consumers are stuck on a transient failure, since when and why — the readiness check reads it. */
public final class ConsumerProgress {
    public record Stuck(Instant since, String error) {}

    private final Map<String, Stuck> stuck = new ConcurrentHashMap<>();

    public void stuck(String consumer, Throwable failure) {
        stuck.compute(consumer, (key, previous) -> new Stuck(previous == null ? Instant.now() : previous.since(), String.valueOf(failure)));
    }

    public void progressed(String consumer) {
        stuck.remove(consumer);
    }

    public Map<String, Stuck> stuckConsumers() {
        return Map.copyOf(stuck);
    }
}
