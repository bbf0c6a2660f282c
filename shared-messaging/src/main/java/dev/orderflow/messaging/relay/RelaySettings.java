package dev.orderflow.messaging.relay;

import java.time.Duration;

/**
 * @param batchSize rows read and sent per round; a full batch starts the next round at once
 * @param pollInterval longest wait for a NOTIFY before looking anyway (the fallback)
 * @param standbyRetry how often a non-leader tries to take the leader lock
 * @param retention how long published rows are kept before the cleanup deletes them
 * @param cleanupInterval how often the leader runs the cleanup
 * @param lockName names the advisory lock; one relay per service database holds it
 */
public record RelaySettings(
        int batchSize,
        Duration pollInterval,
        Duration standbyRetry,
        Duration retention,
        Duration cleanupInterval,
        String lockName) {

    public static RelaySettings defaults() {
        return new RelaySettings(
                500, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofDays(7), Duration.ofMinutes(10), "orderflow.outbox.relay");
    }

    public RelaySettings withBatchSize(int size) {
        return new RelaySettings(size, pollInterval, standbyRetry, retention, cleanupInterval, lockName);
    }
}
