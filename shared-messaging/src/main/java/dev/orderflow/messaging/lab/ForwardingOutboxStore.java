package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.relay.OutboxRow;
import dev.orderflow.messaging.relay.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** An {@link OutboxStore} that hands every call to another: the lab's variants override only the call they change. */
abstract class ForwardingOutboxStore implements OutboxStore {
    private final OutboxStore store;

    ForwardingOutboxStore(OutboxStore store) {
        this.store = store;
    }

    @Override
    public List<OutboxRow> unpublished(Connection connection, Collection<String> skipAggregates, int limit) throws SQLException {
        return store.unpublished(connection, skipAggregates, limit);
    }

    @Override
    public void markPublished(Connection connection, List<Long> ids) throws SQLException {
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
