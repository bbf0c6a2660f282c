package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import java.sql.SQLException;

/**
 * One concern of the consumer chain, run inside the delivery's transaction: it either ends the
 * delivery with an {@link Outcome} (a duplicate, a stale event, a parked one) or hands it to
 * {@code next} and may act on what came back (the ordering step advances the stream after an
 * applied event). See {@link DeliveryChain} for the order of the steps.
 */
@FunctionalInterface
public interface DeliveryStep {

    Outcome deliver(DeliveryContext delivery, Next next) throws SQLException;

    @FunctionalInterface
    interface Next {
        Outcome deliver(DeliveryContext delivery) throws SQLException;
    }
}
