package dev.orderflow.messaging.inbox;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.failure.PermanentFailureException;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

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

    /**
     * The Avro payload as {@code type}. A payload that does not decode, or whose {@code idField}
     * names another aggregate than the subject (the record key), can never be applied: both are a
     * {@link PermanentFailureException}, so the record is dead-lettered instead of retried.
     */
    public <T extends SpecificRecord> T payloadAs(Class<T> type, String idField) {
        T decoded;
        try {
            decoded = AvroCodec.decode(payload(), EventCatalog.of(type));
        } catch (RuntimeException undecodable) {
            throw new PermanentFailureException("cannot decode " + type() + ": " + undecodable.getMessage(), undecodable);
        }
        Schema.Field field = decoded.getSchema().getField(idField);
        if (field == null) {
            throw new IllegalArgumentException(type.getName() + " has no field " + idField);
        }
        Object id = decoded.get(field.pos());
        if (!subject().equals(String.valueOf(id))) {
            throw new PermanentFailureException(type() + " for " + idField + " " + id + " arrived with subject " + subject());
        }
        return decoded;
    }
}
