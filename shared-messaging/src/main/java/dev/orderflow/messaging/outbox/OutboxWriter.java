package dev.orderflow.messaging.outbox;

import dev.orderflow.messaging.envelope.CausalContext;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.TraceContext;
import dev.orderflow.messaging.jdbc.JsonHeaders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The outbox's write side on plain JDBC: appends an event on the caller's connection, inside the
 * caller's transaction. {@link Outbox} wraps it for CDI services; child-process tests use it directly.
 */
public final class OutboxWriter implements EventAppender {
    // The upsert takes a row lock on the aggregate's counter until commit: a concurrent append for
    // the same aggregate waits, so sequences are gap-free and commit in sequence order. A rollback
    // also rolls back the increment.
    private static final String NEXT_SEQUENCE = """
            INSERT INTO messaging_aggregate_sequence (aggregate_id, last_sequence) VALUES (?, 1)
            ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = messaging_aggregate_sequence.last_sequence + 1
            RETURNING last_sequence""";

    private static final String INSERT = """
            INSERT INTO messaging_outbox
                (event_id, aggregate_type, aggregate_id, sequence, event_type, topic, message_key, payload, headers)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private final String source;

    /** @param source this service's {@code ce_source}, e.g. {@code /orderflow/order-service} */
    public OutboxWriter(String source) {
        this.source = source;
    }

    @Override
    public AppendedEvent append(Connection connection, OutboxEvent event) throws SQLException {
        EventEnvelope envelope = assign(connection, event);
        insert(connection, event, envelope);
        return new AppendedEvent(envelope, event);
    }

    /**
     * The event's envelope: a new id, the aggregate's next sequence (taken in the caller's
     * transaction), correlation, causation and trace inherited from the event being handled.
     */
    public EventEnvelope assign(Connection connection, OutboxEvent event) throws SQLException {
        long sequence = nextSequence(connection, event.aggregateId());
        UUID id = UUID.randomUUID();
        EventEnvelope cause = CausalContext.current().orElse(null);
        String correlationId = event.correlationId() != null
                ? event.correlationId()
                : cause != null && cause.correlationId() != null ? cause.correlationId() : id.toString();
        // A root event is its own cause; otherwise the event being handled caused it.
        String causationId = cause != null ? cause.id().toString() : id.toString();
        String traceparent = TraceContext.currentTraceparent();
        if (traceparent == null && cause != null) {
            traceparent = cause.traceparent();
        }
        return new EventEnvelope(
                id,
                event.eventType(),
                source,
                event.aggregateId(),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                sequence,
                correlationId,
                causationId,
                traceparent,
                event.contentType());
    }

    private static long nextSequence(Connection connection, String aggregateId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(NEXT_SEQUENCE)) {
            statement.setString(1, aggregateId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insert(Connection connection, OutboxEvent event, EventEnvelope envelope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, envelope.id());
            statement.setString(2, event.aggregateType());
            statement.setString(3, event.aggregateId());
            statement.setLong(4, envelope.sequence());
            statement.setString(5, event.eventType());
            statement.setString(6, event.topic());
            statement.setString(7, event.aggregateId());
            statement.setBytes(8, event.payload());
            statement.setString(9, JsonHeaders.write(envelope.toHeaders()));
            statement.executeUpdate();
        }
    }
}
