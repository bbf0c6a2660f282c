package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.UnknownEventType;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.failure.PermanentFailureException;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a handler receives: the CloudEvents envelope (dispatch on {@link #type()}) and the payload,
 * which it reads with {@link #decode(Class)}.
 */
public record IncomingEvent(EventEnvelope envelope, InboundRecord record, EventDecoder decoder) {
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

    /** The subject as a UUID; a subject that is none names no aggregate and can never be applied. */
    public UUID subjectAsUuid() {
        try {
            return UUID.fromString(subject());
        } catch (IllegalArgumentException notAUuid) {
            throw new PermanentFailureException(type() + " has subject " + subject() + ", which is not a UUID", notAUuid);
        }
    }

    public long sequence() {
        return envelope.sequence();
    }

    /** The raw record value: the registry's wire format (magic byte, schema id, Avro binary). */
    public byte[] payload() {
        return record.payload();
    }

    /**
     * The payload as the class this consumer was built against: decoded with the writer's schema
     * (resolved from the registry by the id in the record) into {@code readerClass}'s schema, so an
     * older consumer reads newer revisions and a newer one reads older revisions. An event of
     * another major version is translated by its adapter when one exists. Failures are classified:
     * {@link dev.orderflow.messaging.failure.PermanentFailureException} → dead letter with the reason,
     * {@link dev.orderflow.messaging.failure.TransientFailureException} (registry unreachable) → retry.
     */
    public <T extends SpecificRecord> T decode(Class<T> readerClass) {
        return decoder.decode(this, readerClass);
    }

    /** The payload as the class its {@code ce_type} names (e.g. to read a field every contract has). */
    public SpecificRecord decode() {
        try {
            return decode(EventCatalog.require(type()).recordClass());
        } catch (UnknownEventType unknown) {
            throw new PermanentFailureException(unknown.getMessage(), unknown);
        }
    }

    /**
     * {@link #decode(Class)} plus the check that the payload's {@code idField} names the subject (the
     * record key): an event about another aggregate than its key can never be applied, a
     * {@link PermanentFailureException}, so the record is dead-lettered instead of retried.
     */
    public <T extends SpecificRecord> T payloadAs(Class<T> type, String idField) {
        T decoded = decode(type);
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

    /** The payload as a generic record of {@code readerSchema}, e.g. a consumer built against an older revision. */
    public GenericRecord decode(Schema readerSchema) {
        return decoder.decode(this, readerSchema);
    }
}
