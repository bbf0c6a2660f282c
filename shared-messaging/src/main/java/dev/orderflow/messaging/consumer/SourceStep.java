package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.failure.PermanentFailureException;
import java.sql.SQLException;

/**
 * Only a topic's producer writes its streams: a record whose {@code ce_source} is not the topic's
 * producer is a permanent failure (dead-lettered with the reason) before it can open a stream of
 * its own or be skipped as a type this consumer does not know. What a consumer skips is then always
 * a real producer's event type that is newer than, or not meant for, this consumer.
 */
public final class SourceStep implements DeliveryStep {
    private final KnownProducers producers;

    public SourceStep(KnownProducers producers) {
        this.producers = producers;
    }

    @Override
    public Outcome deliver(DeliveryContext delivery, Next next) throws SQLException {
        String topic = delivery.event().record().topic();
        String source = delivery.event().envelope().source();
        producers.sourceOf(topic).filter(producer -> !producer.equals(source)).ifPresent(producer -> {
            throw new PermanentFailureException("unknown ce_source '" + source + "' for " + delivery.event().type()
                    + " on " + topic + ": only its producer " + producer + " publishes there");
        });
        return next.deliver(delivery);
    }
}
