package dev.orderflow.messaging.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** The template's detector: the {@link Inbox} row, whose primary key decides. */
public final class InboxDuplicateDetector implements DuplicateDetector {

    @Override
    public boolean firstDelivery(Connection connection, String consumer, UUID eventId) throws SQLException {
        return Inbox.record(connection, consumer, eventId);
    }
}
