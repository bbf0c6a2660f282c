package dev.orderflow.events.schema;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.order.v1.OrderPlaced;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The committed breaking change (src/test/resources/breaking-fixture): a would-be next revision
 * of OrderPlaced v1 that renames the required field {@code customerId} to {@code buyerId}.
 */
final class BreakingFixture {
    static final String ENABLE_PROPERTY = "orderflow.schemas.include-breaking-fixture";
    static final EventDescriptor<OrderPlaced> EVENT = EventCatalog.of(OrderPlaced.class);
    static final String RESOURCE = "breaking-fixture/" + EVENT.historyPath() + "/next.avsc";
    static final String BROKEN_FIELD = "customerId";

    /** Whether the build was asked to treat the fixture as a real candidate revision (and so fail). */
    static boolean enabled() {
        return Boolean.getBoolean(ENABLE_PROPERTY);
    }

    /** The fixture as the revision after {@code lastRevision}. */
    static SchemaRevision asRevisionAfter(int lastRevision) {
        try (InputStream in = BreakingFixture.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return SchemaHistory.parse(lastRevision + 1, in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BreakingFixture() {}
}
