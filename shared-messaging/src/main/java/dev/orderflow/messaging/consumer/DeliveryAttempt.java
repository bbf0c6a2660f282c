package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;

/**
 * One try at a delivery: the {@link DeliveryChain} in one new transaction. Returns only after that
 * transaction committed; throws when it rolled back (the processor then classifies the failure).
 */
@FunctionalInterface
public interface DeliveryAttempt {

    Attempted attempt(IncomingEvent event);

    /**
     * @param releasesParked the event was applied or skipped (its stream advanced) and events of its
     *     aggregate are parked, which it may have made applicable
     */
    record Attempted(Outcome outcome, boolean releasesParked) {}

    /** Wraps every attempt, e.g. to act between the commit and the acknowledgement. */
    @FunctionalInterface
    interface Decorator {
        DeliveryAttempt decorate(DeliveryAttempt attempt);

        static Decorator none() {
            return attempt -> attempt;
        }
    }
}
