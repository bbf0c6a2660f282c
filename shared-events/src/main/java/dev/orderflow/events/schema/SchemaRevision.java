package dev.orderflow.events.schema;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One released revision of one event's major version, as committed in the schema history.
 *
 * @param revision 1, 2, 3 ... in release order
 * @param schema the complete, self-contained schema of that revision
 * @param source where it was read from (a classpath resource or a file), for messages
 */
public record SchemaRevision(int revision, Schema schema, String source) {
    public SchemaRevision {
        if (revision < 1) {
            throw new IllegalArgumentException("revisions start at 1, got " + revision);
        }
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(source, "source");
    }
}
