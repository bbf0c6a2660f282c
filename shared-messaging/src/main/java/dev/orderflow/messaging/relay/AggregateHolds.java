package dev.orderflow.messaging.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-aggregate hold: an aggregate whose oldest unpublished row was rejected (by the broker for
 * good, or by the schema registry) publishes nothing else until that row is accepted. The row alone
 * is retried, after a backoff that doubles per failure up to {@code maxBackoff}; other aggregates
 * keep flowing. Only the relay thread changes holds; the refusal reasons are read by readiness.
 */
final class AggregateHolds {
    private final Clock clock;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Map<String, Hold> held = new HashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    private record Hold(int failures, Instant retryAt) {}

    AggregateHolds(Clock clock, Duration initialBackoff, Duration maxBackoff) {
        this.clock = clock;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Held aggregates still in their backoff: none of their rows is read. */
    Set<String> waiting() {
        Instant now = clock.instant();
        Set<String> waiting = new HashSet<>();
        held.forEach((aggregate, hold) -> {
            if (now.isBefore(hold.retryAt())) {
                waiting.add(aggregate);
            }
        });
        return waiting;
    }

    /** A held aggregate whose backoff is over sends its failed (oldest) row alone. */
    List<OutboxRow> probesAlone(List<OutboxRow> rows) {
        List<OutboxRow> admitted = new ArrayList<>(rows.size());
        Set<String> probing = new HashSet<>();
        for (OutboxRow row : rows) {
            if (!held.containsKey(row.aggregateId()) || probing.add(row.aggregateId())) {
                admitted.add(row);
            }
        }
        return admitted;
    }

    /** Holds (again) the aggregate of a rejected row; returns how many times in a row it failed. */
    int hold(String aggregate) {
        Hold previous = held.get(aggregate);
        int failures = previous == null ? 1 : previous.failures() + 1;
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(failures - 1, 20));
        held.put(aggregate, new Hold(failures, clock.instant().plus(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff)));
        return failures;
    }

    /** Holds an aggregate because the schema registry refused its row, with the reason readiness reports. */
    int refuse(String aggregate, String reason) {
        refused.put(aggregate, reason);
        return hold(aggregate);
    }

    /** The aggregate's row was acknowledged: it flows again. */
    void accepted(String aggregate) {
        held.remove(aggregate);
        refused.remove(aggregate);
    }

    Map<String, String> refusedBySchemaRegistry() {
        return Map.copyOf(refused);
    }
}
