package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.consumer.DeliveryAttempt;

/**
 * Fault point {@link FaultPoint#AFTER_CONSUMER_COMMIT_BEFORE_OFFSET_COMMIT} as a decorator: the
 * consumer's transaction committed, the offset is not committed yet.
 */
public final class FaultAfterConsumerCommit implements DeliveryAttempt.Decorator {
    private final FaultPoints faults;

    public FaultAfterConsumerCommit(FaultPoints faults) {
        this.faults = faults;
    }

    @Override
    public DeliveryAttempt decorate(DeliveryAttempt attempt) {
        return event -> {
            DeliveryAttempt.Attempted attempted = attempt.attempt(event);
            faults.reach(FaultPoint.AFTER_CONSUMER_COMMIT_BEFORE_OFFSET_COMMIT);
            return attempted;
        };
    }
}
