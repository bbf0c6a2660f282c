package dev.orderflow.messaging.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
}
