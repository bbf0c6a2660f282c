package dev.orderflow.messaging.registry;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.schema.LanguageNeutralSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * The current schemas of this build, language-neutral (as the committed history stores them).
     * Each is built once: the relay asks for every row, and one instance per type also lets Avro
     * reuse its schema resolution, which it caches by schema identity.
     */
    static WriterSchemas current() {
        Map<String, Schema> byType = new ConcurrentHashMap<>();
        return type -> byType.computeIfAbsent(type, t -> EventCatalog.byType(t)
                .map(contract -> LanguageNeutralSchema.of(contract.schema()))
                .orElseThrow(() -> new SchemaRefusedException(t, "no event contract has the ce_type " + t, null)));
    }
}
