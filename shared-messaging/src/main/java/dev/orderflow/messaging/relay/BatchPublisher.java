package dev.orderflow.messaging.relay;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.jdbc.JsonHeaders;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.outbox.OutboxRecords;
import dev.orderflow.messaging.relay.BatchOutcome.Status;
import dev.orderflow.messaging.tracing.MessagingSpans;
import io.opentelemetry.api.trace.Span;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.jboss.logging.Logger;

/**
 * One batch: read the oldest unpublished rows, encode them all (the schema registry is asked here),
 * send them all, then mark those the broker acknowledged — never past a failure of the same
 * aggregate. The first failed send aborts the producer at once, so no later record of its partition
 * reaches the broker ahead of it; a non-retriable failure holds only its aggregate.
 */
final class BatchPublisher {
    private static final Logger LOG = Logger.getLogger(BatchPublisher.class);
    private static final long NO_ROW = -1;

    private final String name;
    private final OutboxStore store;
    private final PayloadEncoder encoder;
    private final AggregateHolds holds;
    private final RejectedRows rejected;
    private final MessagingMetrics metrics;
    private final MessagingSpans spans;

    BatchPublisher(String name, OutboxStore store, PayloadEncoder encoder, AggregateHolds holds, MessagingMetrics metrics, MessagingSpans spans) {
        this.name = name;
        this.store = store;
        this.encoder = encoder;
        this.holds = holds;
        this.rejected = new RejectedRows(name, store, holds, metrics);
        this.metrics = metrics;
        this.spans = spans;
    }

    /** A row with the value to publish and its PRODUCER span, whose traceparent replaces the stored one. */
    private record Outgoing(OutboxRow row, Map<String, String> headers, byte[] value, Span span) {}

    BatchOutcome publish(Connection work, Producer<String, byte[]> producer, int batchSize) throws SQLException {
        List<OutboxRow> read = holds.probesAlone(store.unpublished(work, holds.waiting(), batchSize));
        Set<Long> readIds = read.stream().map(OutboxRow::id).collect(Collectors.toUnmodifiableSet());
        if (read.isEmpty()) {
            return BatchOutcome.published(readIds);
        }
        List<Outgoing> rows;
        try {
            rows = encode(work, read);
        } catch (RuntimeException unavailable) {
            return new BatchOutcome(Set.of(), Status.UNAVAILABLE, "encoding for publication failed: " + unavailable);
        }
        return rows.isEmpty() ? BatchOutcome.published(readIds) : sendAndMark(work, producer, readIds, rows);
    }

    /**
     * A refused row holds its aggregate and nothing of that aggregate is sent; an unreachable
     * registry throws before anything is sent.
     */
    private List<Outgoing> encode(Connection work, List<OutboxRow> read) throws SQLException {
        List<Outgoing> rows = new ArrayList<>(read.size());
        Set<String> refusedAggregates = new HashSet<>();
        for (OutboxRow row : read) {
            if (refusedAggregates.contains(row.aggregateId())) {
                continue;
            }
            Map<String, String> stored = JsonHeaders.read(row.headers());
            try {
                rows.add(outgoing(row, stored, encoder.encode(row.topic(), stored, row.payload())));
            } catch (PayloadRefusedException refusal) {
                refusedAggregates.add(row.aggregateId());
                rejected.refused(work, row, refusal);
            } catch (RuntimeException unavailable) {
                LOG.warnf("outbox relay %s: cannot encode row %d: %s", name, row.id(), unavailable.toString());
                throw unavailable;
            }
        }
        return rows;
    }

    private Outgoing outgoing(OutboxRow row, Map<String, String> stored, byte[] value) {
        Span span = spans.startPublish(row.topic(), row.key(), stored);
        Map<String, String> headers = new HashMap<>(stored);
        String traceparent = MessagingSpans.traceparent(span);
        if (traceparent != null) {
            headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return new Outgoing(row, headers, value, span);
    }

    private BatchOutcome sendAndMark(Connection work, Producer<String, byte[]> producer, Set<Long> readIds, List<Outgoing> rows)
            throws SQLException {
        // The row whose failure aborted the producer; the failures of the rows behind it are only
        // the abort (collateral), not something wrong with them.
        AtomicLong rootFailure = new AtomicLong(NO_ROW);
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (Outgoing row : rows) {
            sends.add(send(producer, row, rootFailure));
        }
        sendNow(producer);
        Acknowledgements acks = new Acknowledgements(holds, rejected);
        for (int i = 0; i < rows.size(); i++) {
            Outgoing row = rows.get(i);
            if (!acks.await(work, row.row(), row.span(), sends.get(i), rootFailure::get)) {
                rows.subList(i, rows.size()).forEach(unfinished -> unfinished.span().end());
                return new BatchOutcome(Set.of(), Status.BROKEN, "interrupted");
            }
        }
        store.markPublished(work, acks.acknowledged());
        metrics.published(acks.acknowledged().size());
        return acks.outcome(readIds, rootFailure.get() != NO_ROW);
    }

    /**
     * Every acknowledgement of the batch is awaited next, so its last, partly filled record batches
     * go out now instead of after {@code linger.ms}: the relay's stack samples spent about half of
     * a drain waiting for acknowledgements, a linger included in every round. Failed sends (an
     * aborted producer included) are left to the awaits, which report them per row as before.
     */
    private static void sendNow(Producer<String, byte[]> producer) {
        try {
            producer.flush();
        } catch (InterruptException closing) {
            // its constructor set the interrupt flag again: the first await reports the round as interrupted
        }
    }

    private Future<RecordMetadata> send(Producer<String, byte[]> producer, Outgoing outgoing, AtomicLong rootFailure) {
        OutboxRow row = outgoing.row();
        try {
            return producer.send(
                    OutboxRecords.toProducerRecord(row.topic(), row.key(), outgoing.value(), outgoing.headers()),
                    (metadata, failure) -> {
                        if (failure != null && rootFailure.compareAndSet(NO_ROW, row.id())) {
                            // Abort everything not yet sent, so no later record of this partition
                            // reaches the broker ahead of the one that failed (the idempotent
                            // producer would otherwise re-sequence and send them).
                            producer.close(Duration.ZERO);
                        }
                    });
        } catch (RuntimeException e) { // producer already aborted or closed
            return CompletableFuture.failedFuture(e);
        }
    }
}
