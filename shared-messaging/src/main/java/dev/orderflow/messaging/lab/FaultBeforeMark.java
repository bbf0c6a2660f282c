package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.relay.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Fault point {@link FaultPoint#AFTER_PUBLISH_BEFORE_MARK} as a decorator of the relay's outbox
 * store: the broker acknowledged the batch, its rows are not marked published yet.
 */
public final class FaultBeforeMark extends ForwardingOutboxStore {
    private final FaultPoints faults;

    public FaultBeforeMark(OutboxStore store, FaultPoints faults) {
        super(store);
        this.faults = faults;
    }

    @Override
    public void markPublished(Connection connection, List<Long> ids) throws SQLException {
        faults.reach(FaultPoint.AFTER_PUBLISH_BEFORE_MARK);
        super.markPublished(connection, ids);
    }
}
