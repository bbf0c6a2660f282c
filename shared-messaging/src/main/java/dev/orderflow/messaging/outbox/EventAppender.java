package dev.orderflow.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How an event leaves a use case: appended on the caller's connection, inside the caller's
 * transaction. The template's appender is {@link OutboxWriter}; the lab swaps in a dual write and
 * wraps it with fault points.
 */
public interface EventAppender {

    /**
     * Assigns the event its id and per-aggregate sequence and stores it. Guarantee (the outbox's):
     * the row commits or rolls back with the caller's transaction; sequences of one aggregate are
     * gap-free and commit in order.
     */
    AppendedEvent append(Connection connection, OutboxEvent event) throws SQLException;

    /** Called once the caller's transaction committed. The outbox needs nothing here: the relay publishes the row. */
    default void afterCommit(AppendedEvent appended) {}
}
