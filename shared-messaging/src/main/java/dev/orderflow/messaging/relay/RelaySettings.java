package dev.orderflow.messaging.relay;

import java.time.Duration;

/**
 * @param batchSize rows read and sent per round; a full batch starts the next round at once
 * @param pollInterval longest wait for a NOTIFY before looking anyway (the fallback)
 * @param standbyRetry how often a non-leader tries to take the leader lock
 * @param retention how long published rows are kept before the cleanup deletes them
 * @param cleanupInterval how often the leader runs the cleanup
 * @param lockName names the advisory lock; one relay per service database holds it
 * @param failedRowMaxBackoff longest wait between retries of a row the broker rejected (its
 *     aggregate's later rows wait for it; other aggregates keep flowing)
 */
public record RelaySettings(
        int batchSize,
        Duration pollInterval,
        Duration standbyRetry,
        Duration retention,
        Duration cleanupInterval,
        String lockName,
        Duration failedRowMaxBackoff) {

    public static final Duration DEFAULT_FAILED_ROW_MAX_BACKOFF = Duration.ofMinutes(1);

    public static RelaySettings defaults() {
        return new RelaySettings(
                500, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofDays(7), Duration.ofMinutes(10), "orderflow.outbox.relay",
                DEFAULT_FAILED_ROW_MAX_BACKOFF);
    }

    public RelaySettings withBatchSize(int size) {
        return new RelaySettings(size, pollInterval, standbyRetry, retention, cleanupInterval, lockName, failedRowMaxBackoff);
    }

    public RelaySettings withFailedRowMaxBackoff(Duration backoff) {
        return new RelaySettings(batchSize, pollInterval, standbyRetry, retention, cleanupInterval, lockName, backoff);
    }
}
