package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.relay.OutboxRow;
import dev.orderflow.messaging.relay.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Fault point {@link FaultPoint#AFTER_PUBLISH_BEFORE_MARK} as a decorator of the relay's outbox
 * store: the broker acknowledged the batch, its rows are not marked published yet.
 */
public final class FaultBeforeMark implements OutboxStore {
    private final OutboxStore store;
    private final FaultPoints faults;

    public FaultBeforeMark(OutboxStore store, FaultPoints faults) {
        this.store = store;
        this.faults = faults;
    }

    @Override
    public List<OutboxRow> unpublished(Connection connection, Collection<String> skipAggregates, int limit) throws SQLException {
        return store.unpublished(connection, skipAggregates, limit);
    }

    @Override
    public void markPublished(Connection connection, List<Long> ids) throws SQLException {
        faults.reach(FaultPoint.AFTER_PUBLISH_BEFORE_MARK);
        store.markPublished(connection, ids);
    }

    @Override
    public void recordFailure(Connection connection, long id, String error) throws SQLException {
        store.recordFailure(connection, id, error);
    }

    @Override
    public int deletePublishedOlderThan(Connection connection, Duration retention) throws SQLException {
        return store.deletePublishedOlderThan(connection, retention);
    }
}
