package dev.orderflow.messaging.outbox;

import dev.orderflow.messaging.envelope.CausalContext;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.TraceContext;
import dev.orderflow.messaging.lab.FaultPoint;
import dev.orderflow.messaging.lab.FaultPoints;
import dev.orderflow.messaging.jdbc.JsonHeaders;
import dev.orderflow.messaging.lab.NaiveMode;
import dev.orderflow.messaging.relay.PayloadEncoder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * The outbox's write side on plain JDBC: appends an event on the caller's connection, inside the
 * caller's transaction. {@link Outbox} wraps it for CDI services; child-process tests use it directly.
 */
public final class OutboxWriter {
    private static final Logger LOG = Logger.getLogger(OutboxWriter.class);

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
    private final NaiveMode naive;
    private final FaultPoints faults;
    private final Producer<String, byte[]> dualWriteProducer;
    private final PayloadEncoder dualWriteEncoder;

    /**
     * @param source this service's {@code ce_source}, e.g. {@code /orderflow/order-service}
     * @param dualWriteProducer used only in naive dual-write mode; may be null otherwise
     */
    public OutboxWriter(String source, NaiveMode naive, FaultPoints faults, Producer<String, byte[]> dualWriteProducer) {
        this(source, naive, faults, dualWriteProducer, PayloadEncoder.unchanged());
    }

    /** @param dualWriteEncoder what a naive dual write publishes the payload as (the relay's encoder: the registry's wire format) */
    public OutboxWriter(
            String source, NaiveMode naive, FaultPoints faults, Producer<String, byte[]> dualWriteProducer, PayloadEncoder dualWriteEncoder) {
        this.source = source;
        this.naive = naive;
        this.faults = faults;
        this.dualWriteProducer = dualWriteProducer;
        this.dualWriteEncoder = dualWriteEncoder;
        if (naive.dualWrite() && dualWriteProducer == null) {
            throw new IllegalArgumentException("naive dual-write mode needs a producer");
        }
    }

    public AppendedEvent append(Connection connection, OutboxEvent event) throws SQLException {
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
        EventEnvelope envelope = new EventEnvelope(
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
        if (!naive.dualWrite()) {
            insert(connection, event, envelope);
        }
        return new AppendedEvent(envelope, event);
    }

    /**
     * Call after the business transaction committed. With the outbox this only passes the fault
     * point (the relay publishes the row); in naive dual-write mode this is where the event is
     * published — and where a crash loses it.
     */
    public void afterCommit(AppendedEvent appended) {
        faults.reach(FaultPoint.AFTER_COMMIT_BEFORE_PUBLISH);
        if (!naive.dualWrite()) {
            return;
        }
        try {
            Map<String, String> headers = appended.envelope().toHeaders();
            dualWriteProducer
                    .send(OutboxRecords.toProducerRecord(
                            appended.event().topic(),
                            appended.event().aggregateId(),
                            dualWriteEncoder.encode(appended.event().topic(), headers, appended.event().payload()),
                            headers))
                    .get();
        } catch (RuntimeException e) {
            LOG.errorf(e, "naive dual write: event %s lost (not encodable for publication)", appended.envelope().id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.errorf("naive dual write: event %s lost (interrupted)", appended.envelope().id());
        } catch (ExecutionException e) {
            // Exactly the failure the outbox prevents: the business change is committed, the event is gone.
            LOG.errorf(e.getCause(), "naive dual write: event %s lost", appended.envelope().id());
        }
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
