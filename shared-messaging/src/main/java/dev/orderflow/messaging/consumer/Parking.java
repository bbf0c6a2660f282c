package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.ordering.ParkReason;
import java.sql.SQLException;

/**
 * Where a step puts an event that cannot be applied yet. A live delivery parks it in the
 * {@link dev.orderflow.messaging.ordering.ParkingLot}; a release of an already parked event leaves
 * it there (and notes what it still waits for).
 */
@FunctionalInterface
public interface Parking {
    void park(ParkReason reason, String detail) throws SQLException;
}
