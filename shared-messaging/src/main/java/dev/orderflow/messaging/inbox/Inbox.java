package dev.orderflow.messaging.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/** The dedupe record. The primary key (consumer, event_id) decides, not a read-then-write check. */
public final class Inbox {
    private Inbox() {}

    /** @return false when this consumer already recorded the event: a duplicate delivery */
    public static boolean record(Connection connection, String consumer, UUID eventId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO messaging_inbox (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Retention: deletes dedupe records received longer ago than {@code retention}, except those of
     * events still parked (their redelivery must stay a duplicate until they are applied or
     * dead-lettered). The per-aggregate last applied sequence ({@code messaging_consumer_stream})
     * is never deleted, so a redelivery older than the retention is still recognised by its
     * sequence — stale, or a duplicate of the last one — and not applied again.
     *
     * @return rows deleted
     */
    public static int deleteOlderThan(Connection connection, Duration retention) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM messaging_inbox i
                WHERE i.received_at < now() - make_interval(secs => ?)
                  AND NOT EXISTS (SELECT 1 FROM messaging_parked_event p
                                  WHERE p.consumer = i.consumer AND p.event_id = i.event_id)""")) {
            delete.setDouble(1, retention.toSeconds());
            return delete.executeUpdate();
        }
    }
}
