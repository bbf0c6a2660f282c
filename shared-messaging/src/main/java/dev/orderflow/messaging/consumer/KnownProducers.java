package dev.orderflow.messaging.consumer;

import dev.orderflow.events.Topics;
import java.util.Optional;

/** Which {@code ce_source} publishes a topic: the one producer a consumer accepts the topic's records from. */
@FunctionalInterface
public interface KnownProducers {

    /** The producer's {@code ce_source}; empty for a topic without a declared producer (its sources are not checked). */
    Optional<String> sourceOf(String topic);

    /** The platform's contract: {@link Topics#producerSource}. */
    static KnownProducers contract() {
        return Topics::producerSource;
    }
}
