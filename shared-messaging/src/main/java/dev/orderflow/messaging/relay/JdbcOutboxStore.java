package dev.orderflow.messaging.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@link OutboxStore} on {@code messaging_outbox} (ascending {@code id} = append order). */
public final class JdbcOutboxStore implements OutboxStore {

    private static final String SELECT_UNPUBLISHED = """
            SELECT id, aggregate_id, topic, message_key, payload, headers::text
            FROM messaging_outbox WHERE published_at IS NULL AND aggregate_id <> ALL (?)
            ORDER BY id LIMIT ?""";

    @Override
    public List<OutboxRow> unpublished(Connection connection, Collection<String> skipAggregates, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_UNPUBLISHED)) {
            select.setArray(1, connection.createArrayOf("text", skipAggregates.toArray()));
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5), rs.getString(6)));
                }
                return rows;
            }
        }
    }

    @Override
    public void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE messaging_outbox SET published_at = statement_timestamp(), attempts = attempts + 1, last_error = NULL WHERE id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    @Override
    public void recordFailure(Connection connection, long id, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE messaging_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            update.setString(1, error);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    @Override
    public int deletePublishedOlderThan(Connection connection, Duration retention) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM messaging_outbox WHERE published_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, retention.toSeconds());
            return delete.executeUpdate();
        }
    }
}
