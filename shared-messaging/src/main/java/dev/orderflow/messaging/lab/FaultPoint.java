package dev.orderflow.messaging.lab;

/**
 * The dangerous moments of an event's life, where a crash shows whether the patterns hold.
 * Each is off unless configured ({@code orderflow.messaging.faults.<key>=halt|fail}).
 */
public enum FaultPoint {
    /** The business transaction (with its outbox row) committed; nothing published yet. */
    AFTER_COMMIT_BEFORE_PUBLISH("after-commit-before-publish"),
    /** The relay's send was acknowledged by the broker; the outbox row is not marked published yet. */
    AFTER_PUBLISH_BEFORE_MARK("after-publish-before-mark"),
    /** The consumer's transaction (inbox row + business change) committed; the offset is not committed yet. */
    AFTER_CONSUMER_COMMIT_BEFORE_OFFSET_COMMIT("after-consumer-commit-before-offset-commit");

    private final String key;

    FaultPoint(String key) {
        this.key = key;
    }

    /** The configuration key suffix. */
    public String key() {
        return key;
    }
}
