package dev.orderflow.messaging.registry;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.UndecodablePayload;
import dev.orderflow.events.UnknownEventType;
import dev.orderflow.events.adapters.Adapters;
import dev.orderflow.events.adapters.EventNotAdaptable;
import dev.orderflow.messaging.failure.PermanentFailureException;
import dev.orderflow.messaging.consumer.EventDecoder;
import dev.orderflow.messaging.consumer.IncomingEvent;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes with the writer's schema, resolved from the registry by the id in the record, into the
 * reader the consumer was built against (Avro schema resolution: an older consumer reads newer
 * revisions, a newer one reads older revisions with defaults). Across major versions it applies the
 * adapter from {@link Adapters}, if there is one.
 *
 * <p>Dead letters, with the reason: a missing or unknown {@code ce_type}; a payload not in the
 * registry's wire format or not decodable with the writer's schema; a schema id the registry does
 * not know; a writer schema that is not the contract the {@code ce_type} names; an event a v1
 * consumer cannot be given exactly ({@link EventNotAdaptable}). An unreachable registry is
 * transient: the consumer retries and reports itself not ready.
 */
public final class RegistryEventDecoder implements EventDecoder {
    private final ApicurioSchemas schemas;

    public RegistryEventDecoder(ApicurioSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public <T extends SpecificRecord> T decode(IncomingEvent event, Class<T> readerClass) {
        EventDescriptor<?> written = contractOf(event);
        if (written.recordClass().equals(readerClass)) {
            return readerClass.cast(read(event, written, bytes -> AvroCodec.decode(bytes.avro(), bytes.writer(), readerClass)));
        }
        Function<SpecificRecord, T> adapter = Adapters.between(written.recordClass(), readerClass)
                .orElseThrow(() -> new PermanentFailureException(
                        event.type() + " cannot be read as " + readerClass.getName() + ": no adapter between them"));
        SpecificRecord record = read(event, written, bytes -> AvroCodec.decode(bytes.avro(), bytes.writer(), written.recordClass()));
        try {
            return adapter.apply(record);
        } catch (EventNotAdaptable notAdaptable) {
            throw new PermanentFailureException(event.type() + " cannot be adapted to " + readerClass.getName() + ": "
                    + notAdaptable.getMessage(), notAdaptable);
        }
    }

    @Override
    public GenericRecord decode(IncomingEvent event, Schema readerSchema) {
        EventDescriptor<?> written = contractOf(event);
        if (!written.schema().getFullName().equals(readerSchema.getFullName())) {
            throw new PermanentFailureException(event.type() + " cannot be read as " + readerSchema.getFullName());
        }
        return read(event, written, bytes -> AvroCodec.decode(bytes.avro(), bytes.writer(), readerSchema));
    }

    private static EventDescriptor<?> contractOf(IncomingEvent event) {
        try {
            return EventCatalog.require(event.type());
        } catch (UnknownEventType unknown) {
            throw new PermanentFailureException(unknown.getMessage(), unknown);
        }
    }

    private record WrittenBytes(Schema writer, byte[] avro) {}

    private <R> R read(IncomingEvent event, EventDescriptor<?> written, Function<WrittenBytes, R> decode) {
        try {
            Schema writer = schemas.writerSchema(event.payload());
            if (!writer.getFullName().equals(written.schema().getFullName())) {
                throw new PermanentFailureException(event.type() + " was written with the schema " + writer.getFullName()
                        + ", which is not the contract " + written.schema().getFullName() + " that ce_type names");
            }
            return decode.apply(new WrittenBytes(writer, schemas.avroBinary(event.payload())));
        } catch (UndecodablePayload undecodable) {
            throw new PermanentFailureException("cannot decode " + event.type() + ": " + undecodable.getMessage(), undecodable);
        }
    }
}
