package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.consumer.DeliveryAttempt;
import dev.orderflow.messaging.failure.TransientFailureException;

/**
 * Lab variant of failure classification ({@code orderflow.messaging.naive.no-failure-classification}):
 * every failure of a delivery reaches the classifier as a {@link TransientFailureException}, so the
 * consumer retries it forever. A record that can never be processed (a poison record) is not
 * dead-lettered: it blocks its partition, and every record behind it waits.
 */
public final class EveryFailureTransient implements DeliveryAttempt.Decorator {

    @Override
    public DeliveryAttempt decorate(DeliveryAttempt attempt) {
        return event -> {
            try {
                return attempt.attempt(event);
            } catch (RuntimeException failure) {
                throw new TransientFailureException("failure classification off, retried as transient: " + failure, failure);
            }
        };
    }
}
