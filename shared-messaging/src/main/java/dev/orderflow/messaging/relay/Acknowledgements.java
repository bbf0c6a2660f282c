package dev.orderflow.messaging.relay;

import dev.orderflow.messaging.relay.BatchOutcome.Status;
import dev.orderflow.messaging.tracing.MessagingSpans;
import io.opentelemetry.api.trace.Span;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;

/**
 * What the broker answered for the rows of one batch, awaited in send order. A row is acknowledged
 * only if no earlier row of its aggregate failed in this batch; only the row whose failure aborted
 * the producer (the root failure) is recorded — the others failed only because of the abort.
 */
final class Acknowledgements {
    private final AggregateHolds holds;
    private final RejectedRows rejected;
    private final List<Long> acknowledged = new ArrayList<>();
    private final Set<String> failedAggregates = new HashSet<>();
    private boolean retriableFailure;
    private String firstFailure;

    Acknowledgements(AggregateHolds holds, RejectedRows rejected) {
        this.holds = holds;
        this.rejected = rejected;
    }

    /**
     * @param rootFailure the id of the row whose failure aborted the producer so far; asked only once
     *     this row's send completed (its callback has run by then)
     * @return false when interrupted while waiting
     */
    boolean await(Connection work, OutboxRow row, Span span, Future<RecordMetadata> send, LongSupplier rootFailure)
            throws SQLException {
        try {
            send.get();
            span.end();
            if (!failedAggregates.contains(row.aggregateId())) {
                acknowledged.add(row.id());
                holds.accepted(row.aggregateId());
            }
            return true;
        } catch (ExecutionException e) {
            MessagingSpans.failed(span, e.getCause());
            span.end();
            failed(work, row, e.getCause(), row.id() == rootFailure.getAsLong());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<Long> acknowledged() {
        return acknowledged;
    }

    private void failed(Connection work, OutboxRow row, Throwable failure, boolean isRootFailure) throws SQLException {
        failedAggregates.add(row.aggregateId());
        if (firstFailure == null) {
            firstFailure = "sends to Kafka failed: " + failure;
        }
        if (!isRootFailure) {
            return;
        }
        if (failure instanceof RetriableException) {
            retriableFailure = true;
            rejected.sendFailed(work, row, failure);
        } else {
            rejected.rejected(work, row, failure);
        }
    }

    BatchOutcome outcome(Set<Long> readIds, boolean producerAborted) {
        if (!producerAborted && failedAggregates.isEmpty()) {
            return BatchOutcome.published(readIds);
        }
        // Failed sends without a root failure: the producer broke under them, nothing was rejected.
        boolean broken = retriableFailure || !producerAborted;
        return new BatchOutcome(readIds, broken ? Status.BROKEN : Status.REJECTED, firstFailure);
    }
}
