package dev.orderflow.messaging.inbox;

import dev.orderflow.messaging.envelope.EventEnvelope;
import java.util.UUID;

/** What a handler receives: the CloudEvents envelope (dispatch on {@link #type()}) and the payload bytes. */
public record IncomingEvent(EventEnvelope envelope, InboundRecord record) {
    public UUID id() {
        return envelope.id();
    }

    public String type() {
        return envelope.type();
    }

    /** The aggregate id (the order id for the saga). */
    public String subject() {
        return envelope.subject();
    }

    public long sequence() {
        return envelope.sequence();
    }

    public byte[] payload() {
        return record.payload();
    }
}
