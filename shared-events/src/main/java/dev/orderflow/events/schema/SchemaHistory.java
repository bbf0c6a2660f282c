package dev.orderflow.events.schema;

import dev.orderflow.events.EventDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The committed history of every event: each released revision of each major version, as data
 * that is never edited. Source layout (copied onto the classpath under {@link #RESOURCE_ROOT}):
 *
 * <pre>
 * shared-events/src/main/avro-history/&lt;context&gt;/&lt;Event&gt;/v&lt;major&gt;/&lt;revision&gt;.avsc
 * e.g. order/OrderPlaced/v1/1.avsc, order/OrderPlaced/v1/2.avsc
 * </pre>
 *
 * Each file is a complete schema (named types inlined, as a registry stores it). The last revision
 * is the current schema in {@code src/main/avro}; {@code SHA256SUMS} in the same folder pins every
 * file so an edit to a released revision fails the build.
 */
public final class SchemaHistory {

    /** Classpath folder of the history. */
    public static final String RESOURCE_ROOT = "dev/orderflow/events/avro-history";

    /** Every released revision of an event's major version, oldest first. */
    public static List<SchemaRevision> of(EventDescriptor<?> event) {
        return load(event.historyPath());
    }

    /** The given revision of an event's major version, e.g. to read as an old-schema consumer would. */
    public static SchemaRevision revision(EventDescriptor<?> event, int revision) {
        return of(event).stream()
                .filter(r -> r.revision() == revision)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.label() + " has no revision " + revision));
    }

    /** The revisions under {@code <historyPath>/1.avsc, 2.avsc ...}; stops at the first missing number. */
    public static List<SchemaRevision> load(String historyPath) {
        List<SchemaRevision> revisions = new ArrayList<>();
        ClassLoader loader = SchemaHistory.class.getClassLoader();
        for (int revision = 1; ; revision++) {
            String resource = RESOURCE_ROOT + "/" + historyPath + "/" + revision + ".avsc";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return List.copyOf(revisions);
                }
                revisions.add(parse(revision, in, "classpath:" + resource));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    /** Parses one self-contained revision (a fresh parser: no named type leaks between revisions). */
    public static SchemaRevision parse(int revision, InputStream in, String source) throws IOException {
        try {
            return new SchemaRevision(revision, new Schema.Parser().parse(in), source);
        } catch (SchemaParseException e) {
            throw new IllegalStateException(source + " is not a valid self-contained Avro schema: " + e.getMessage(), e);
        }
    }

    private SchemaHistory() {}
}
