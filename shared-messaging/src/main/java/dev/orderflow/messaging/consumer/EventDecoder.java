package dev.orderflow.messaging.consumer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads an event's payload into what the consumer was built against. Failures are already
 * classified: {@link dev.orderflow.messaging.failure.PermanentFailureException} (dead letter with the
 * reason) or {@link dev.orderflow.messaging.failure.TransientFailureException} (retry).
 */
public interface EventDecoder {

    /** See {@link IncomingEvent#decode(Class)}. */
    <T extends SpecificRecord> T decode(IncomingEvent event, Class<T> readerClass);

    /** See {@link IncomingEvent#decode(Schema)}. */
    GenericRecord decode(IncomingEvent event, Schema readerSchema);
}
