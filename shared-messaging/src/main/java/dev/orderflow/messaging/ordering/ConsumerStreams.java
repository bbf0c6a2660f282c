package dev.orderflow.messaging.ordering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Last consumed {@code ce_sequence} per (consumer, source, aggregate), and whether it was skipped
 * rather than applied. A stream is identified by the producing service (ce_source) too, because each
 * producer numbers its own events per aggregate.
 */
public final class ConsumerStreams {
    private ConsumerStreams() {}

    /** Locks the stream row until commit (so two deliveries of one stream never interleave) and returns its position. */
    public static StreamPosition lock(Connection connection, StreamKey stream) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO messaging_consumer_stream (consumer, source, subject, last_sequence)
                VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, stream.consumer());
            insert.setString(2, stream.source());
            insert.setString(3, stream.subject());
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT last_sequence, last_skipped FROM messaging_consumer_stream
                WHERE consumer = ? AND source = ? AND subject = ? FOR UPDATE""")) {
            select.setString(1, stream.consumer());
            select.setString(2, stream.source());
            select.setString(3, stream.subject());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new StreamPosition(rs.getLong(1), rs.getBoolean(2));
            }
        }
    }

    /** @param skipped the event at {@code sequence} was consumed without effect (its type not handled here) */
    public static void advance(Connection connection, StreamKey stream, long sequence, boolean skipped) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE messaging_consumer_stream SET last_sequence = ?, last_skipped = ?, updated_at = now()
                WHERE consumer = ? AND source = ? AND subject = ?""")) {
            update.setLong(1, sequence);
            update.setBoolean(2, skipped);
            update.setString(3, stream.consumer());
            update.setString(4, stream.source());
            update.setString(5, stream.subject());
            update.executeUpdate();
        }
    }
}
