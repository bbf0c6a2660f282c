package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.ordering.StreamKey;
import java.sql.Connection;

/**
 * One delivery as the steps of a {@link DeliveryChain} see it: the event, the transaction it runs
 * in, and where an event that came too early goes ({@link Parking}).
 */
public record DeliveryContext(Connection connection, String consumer, IncomingEvent event, Parking parking) {

    /** The stream the event belongs to: its producer ({@code ce_source}) and aggregate ({@code ce_subject}). */
    public StreamKey stream() {
        return new StreamKey(consumer, event.envelope().source(), event.subject());
    }
}
