package dev.orderflow.messaging.registry;

import org.apache.avro.Schema;

/**
 * The schema a producer wrote an event's stored payload with, by {@code ce_type}. In a service that
 * is the schema of the generated class it was built with ({@link #current()}); a test can play an
 * older or a newer producer by naming another revision.
 */
@FunctionalInterface
public interface WriterSchemas {

    /** @throws SchemaRefusedException when the type is no contract this producer knows */
    Schema of(String type);

    /** The current schemas of this build, language-neutral (as the committed history stores them), each built once. */
    static WriterSchemas current() {
        return CurrentWriterSchemas.INSTANCE;
    }
}
