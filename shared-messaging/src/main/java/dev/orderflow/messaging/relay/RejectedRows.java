package dev.orderflow.messaging.relay;

import dev.orderflow.messaging.metrics.MessagingMetrics;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/** What happens to a row that could not be published: its failure recorded, counted, logged, and its aggregate held. */
final class RejectedRows {
    private static final Logger LOG = Logger.getLogger(RejectedRows.class);

    private final String name;
    private final OutboxStore store;
    private final AggregateHolds holds;
    private final MessagingMetrics metrics;

    RejectedRows(String name, OutboxStore store, AggregateHolds holds, MessagingMetrics metrics) {
        this.name = name;
        this.store = store;
        this.holds = holds;
        this.metrics = metrics;
    }

    /** A send failed (the row stays unpublished and is read again next round). */
    void sendFailed(Connection work, OutboxRow row, Throwable failure) throws SQLException {
        metrics.publishFailed();
        LOG.warnf("outbox relay %s: send of row %d failed: %s", name, row.id(), failure.toString());
        store.recordFailure(work, row.id(), String.valueOf(failure));
    }

    /** The broker rejected the row for good: its aggregate is held until the row is accepted. */
    void rejected(Connection work, OutboxRow row, Throwable failure) throws SQLException {
        sendFailed(work, row, failure);
        held(row, holds.hold(row.aggregateId()));
    }

    /**
     * The registry refused the row's schema: loud (error log, metric, readiness), the row stays
     * unpublished, its aggregate is held like one the broker rejected; other aggregates flow.
     */
    void refused(Connection work, OutboxRow row, PayloadRefusedException refusal) throws SQLException {
        metrics.schemaRefused(refusal.type());
        LOG.errorf("outbox relay %s: row %d of aggregate %s is NOT published, the schema registry refused it: %s",
                name, row.id(), row.aggregateId(), refusal.getMessage());
        sendFailed(work, row, refusal);
        held(row, holds.refuse(row.aggregateId(), refusal.getMessage()));
    }

    private void held(OutboxRow row, int failures) {
        LOG.warnf("outbox relay %s: row %d of aggregate %s was rejected; its later rows wait until it is accepted (failure %d)",
                name, row.id(), row.aggregateId(), failures);
    }
}
