package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.outbox.AppendedEvent;
import dev.orderflow.messaging.outbox.EventAppender;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.messaging.outbox.OutboxRecords;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.relay.PayloadEncoder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * Lab variant of the outbox ({@code orderflow.messaging.naive.dual-write}): no outbox row; the event
 * is published straight to Kafka after the business commit — and a crash (or a failed send)
 * between the two loses it.
 */
public final class DualWriteAppender implements EventAppender {
    private static final Logger LOG = Logger.getLogger(DualWriteAppender.class);

    private final OutboxWriter envelopes;
    private final Producer<String, byte[]> producer;
    private final PayloadEncoder encoder;

    /** @param encoder what the payload is published as (the relay's encoder: the registry's wire format) */
    public DualWriteAppender(OutboxWriter envelopes, Producer<String, byte[]> producer, PayloadEncoder encoder) {
        this.envelopes = envelopes;
        this.producer = producer;
        this.encoder = encoder;
    }

    /** Only the envelope (id, sequence) is taken in the transaction; nothing is stored to publish from. */
    @Override
    public AppendedEvent append(Connection connection, OutboxEvent event) throws SQLException {
        EventEnvelope envelope = envelopes.assign(connection, event);
        return new AppendedEvent(envelope, event);
    }

    @Override
    public void afterCommit(AppendedEvent appended) {
        try {
            Map<String, String> headers = appended.envelope().toHeaders();
            OutboxEvent event = appended.event();
            producer.send(OutboxRecords.toProducerRecord(
                            event.topic(), event.aggregateId(), encoder.encode(event.topic(), headers, event.payload()), headers))
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
}
