package dev.orderflow.messaging.relay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The relay's side of the outbox table. Every method runs on the connection it is given (the
 * relay's own session, inside the transaction of one relay round, which the relay commits) and
 * states what it guarantees; {@link JdbcOutboxStore} is the
 * PostgreSQL one.
 */
public interface OutboxStore {

    /**
     * The oldest unpublished rows, at most {@code limit}, in the order they were appended (which,
     * per aggregate, is sequence order), leaving out every row of {@code skipAggregates}.
     * Guarantee: for each aggregate returned, its rows are its oldest unpublished ones with none
     * left out in between, so publishing them in this order never lets a later event overtake.
     */
    List<OutboxRow> unpublished(Connection connection, Collection<String> skipAggregates, int limit) throws SQLException;

    /**
     * Marks rows the broker acknowledged: they are never returned by {@link #unpublished} again,
     * their attempt is counted and an earlier error cleared. Idempotent; an empty list does nothing.
     */
    void markPublished(Connection connection, List<Long> ids) throws SQLException;

    /** Records a failed attempt ({@code attempts}, {@code last_error}); the row stays unpublished. */
    void recordFailure(Connection connection, long id, String error) throws SQLException;

    /** Deletes published rows older than {@code retention}; never an unpublished one. Returns how many. */
    int deletePublishedOlderThan(Connection connection, Duration retention) throws SQLException;
}
