package dev.orderflow.messaging.inbox;

import dev.orderflow.messaging.naive.NaiveMode;
import java.time.Duration;

/**
 * @param service this service's name, written into dead-letter headers
 * @param parkedTimeout how long an event may stay parked (gap or prerequisite) before it is dead-lettered
 * @param initialBackoff first pause after a transient failure; doubles up to {@code maxBackoff}
 * @param maxUnknownAttempts attempts for an unclassified failure before it is treated as permanent
 */
public record ConsumerSettings(
        String service,
        NaiveMode naive,
        Duration parkedTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxUnknownAttempts) {

    public static ConsumerSettings defaults(String service) {
        return new ConsumerSettings(service, NaiveMode.OFF, Duration.ofMinutes(10), Duration.ofMillis(100), Duration.ofSeconds(5), 3);
    }

    public ConsumerSettings withNaive(NaiveMode mode) {
        return new ConsumerSettings(service, mode, parkedTimeout, initialBackoff, maxBackoff, maxUnknownAttempts);
    }

    public ConsumerSettings withParkedTimeout(Duration timeout) {
        return new ConsumerSettings(service, naive, timeout, initialBackoff, maxBackoff, maxUnknownAttempts);
    }
}
