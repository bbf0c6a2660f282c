package dev.orderflow.messaging.consumer;

import java.time.Duration;

/**
 * @param service this service's name, written into dead-letter headers
 * @param parkedTimeout how long an event may stay parked (gap or prerequisite) before it is dead-lettered
 * @param initialBackoff first pause after a transient failure; doubles up to {@code maxBackoff}
 * @param maxUnknownAttempts attempts for an unclassified failure before it is treated as permanent
 */
public record ConsumerSettings(
        String service,
        Duration parkedTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxUnknownAttempts) {

    public static ConsumerSettings defaults(String service) {
        return new ConsumerSettings(service, Duration.ofMinutes(10), Duration.ofMillis(100), Duration.ofSeconds(5), 3);
    }

    public ConsumerSettings withParkedTimeout(Duration timeout) {
        return new ConsumerSettings(service, timeout, initialBackoff, maxBackoff, maxUnknownAttempts);
    }

    /** The pause after a transient failure that followed a pause of {@code previous}. */
    Duration nextBackoff(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }
}
