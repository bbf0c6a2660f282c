package dev.orderflow.events;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event contract at one major version: its wire name ({@code ce_type}), the topic it is
 * published on, its generated class and current schema, and where its released revisions live.
 *
 * @param type the {@code ce_type}, one of {@link EventTypes}
 * @param topic the topic its producer publishes it on, one of {@link Topics}
 * @param context the bounded context that owns it ({@code order}, {@code inventory}, ...)
 * @param majorVersion the major version; the schema namespace ends with {@code .v<majorVersion>}
 * @param recordClass the Avro-generated class of the current revision
 */
public record EventDescriptor<T extends SpecificRecord>(
        String type, String topic, String context, int majorVersion, Class<T> recordClass) {

    public EventDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(recordClass, "recordClass");
        String namespace = recordClass.getPackageName();
        if (!namespace.endsWith(".v" + majorVersion)) {
            throw new IllegalArgumentException(
                    recordClass.getName() + " is not in a namespace of major version v" + majorVersion);
        }
        if (!type.endsWith("." + recordClass.getSimpleName() + ".v" + majorVersion)) {
            throw new IllegalArgumentException(
                    "ce_type " + type + " does not name " + recordClass.getSimpleName() + " v" + majorVersion);
        }
    }

    /** The event's name without version, e.g. {@code OrderPlaced}. */
    public String eventName() {
        return recordClass.getSimpleName();
    }

    /** The schema of the current revision (the one the generated class was built from). */
    public Schema schema() {
        return SpecificData.getForClass(recordClass).getSchema(recordClass);
    }

    /** Where its revisions live, relative to the history root: {@code <context>/<Event>/v<major>}. */
    public String historyPath() {
        return context + "/" + eventName() + "/v" + majorVersion;
    }

    /** For messages: {@code OrderPlaced v1 (dev.orderflow.order.OrderPlaced.v1)}. */
    public String label() {
        return eventName() + " v" + majorVersion + " (" + type + ")";
    }
}
