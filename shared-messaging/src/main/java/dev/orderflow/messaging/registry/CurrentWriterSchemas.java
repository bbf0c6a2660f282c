package dev.orderflow.messaging.registry;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.schema.LanguageNeutralSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * {@link WriterSchemas#current()}: one language-neutral schema per type for the whole process. The
 * relay asks for every row, and one instance per type also lets Avro reuse its schema resolution,
 * which it caches by schema identity.
 */
final class CurrentWriterSchemas implements WriterSchemas {
    static final CurrentWriterSchemas INSTANCE = new CurrentWriterSchemas();

    private final Map<String, Schema> byType = new ConcurrentHashMap<>();

    private CurrentWriterSchemas() {}

    @Override
    public Schema of(String type) {
        return byType.computeIfAbsent(type, t -> EventCatalog.byType(t)
                .map(contract -> LanguageNeutralSchema.of(contract.schema()))
                .orElseThrow(() -> new SchemaRefusedException(t, "no event contract has the ce_type " + t, null)));
    }
}
