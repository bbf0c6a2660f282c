package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.inbox.DuplicateDetector;
import java.sql.SQLException;

/** Idempotent consumer: an event id this consumer already recorded is a {@code DUPLICATE} and goes no further. */
public final class DedupeStep implements DeliveryStep {
    private final DuplicateDetector duplicates;

    public DedupeStep(DuplicateDetector duplicates) {
        this.duplicates = duplicates;
    }

    @Override
    public Outcome deliver(DeliveryContext delivery, Next next) throws SQLException {
        if (!duplicates.firstDelivery(delivery.connection(), delivery.consumer(), delivery.event().id())) {
            return Outcome.DUPLICATE;
        }
        return next.deliver(delivery);
    }
}
