package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.inbox.DuplicateDetector;
import java.sql.Connection;
import java.util.UUID;

/** Lab variant of the inbox ({@code orderflow.messaging.naive.no-inbox}): every delivery is a first one, so a redelivery is applied again. */
public final class PassThroughInbox implements DuplicateDetector {

    @Override
    public boolean firstDelivery(Connection connection, String consumer, UUID eventId) {
        return true;
    }
}
