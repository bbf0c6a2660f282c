package dev.orderflow.messaging.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The dedupe step of a consumer, inside the delivery's transaction. The template's detector is
 * {@link InboxDuplicateDetector}; the lab swaps in one that lets every delivery through.
 */
public interface DuplicateDetector {

    /**
     * Claims {@code eventId} for {@code consumer}. Guarantee: true for exactly one delivery of an
     * event whose transaction commits; a redelivery, even a concurrent one, gets false (or waits for
     * the first transaction and then gets false).
     */
    boolean firstDelivery(Connection connection, String consumer, UUID eventId) throws SQLException;
}
