package dev.orderflow.shipping.testing;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what shipping-service committed for one order, straight from its database. */
public final class ShippingFixtures {
    private final AgroalDataSource dataSource;

    public ShippingFixtures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The order's shipping status, or null when shipping does not know it. */
    public String status(String orderId) {
        List<String> rows = strings("SELECT status FROM shipping_order WHERE order_id = ?::uuid", orderId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The ids of the order's shipments (the invariant: at most one). */
    public List<String> shipmentIds(String orderId) {
        return strings("SELECT id::text FROM shipment WHERE order_id = ?::uuid", orderId);
    }

    /** The event types the order's committed outbox rows carry, in sequence order: what will be published. */
    public List<String> outboxTypes(String orderId) {
        return strings("SELECT event_type FROM messaging_outbox WHERE aggregate_id = ? ORDER BY sequence", orderId);
    }

    /** The order's outbox rows the relay has not published yet. */
    public int unpublishedOutboxRows(String orderId) {
        return strings("SELECT event_id::text FROM messaging_outbox WHERE aggregate_id = ? AND published_at IS NULL", orderId).size();
    }

    /** Why the order's parked events wait (empty when nothing is parked). */
    public List<String> parkedReasons(String orderId) {
        return strings("SELECT reason FROM messaging_parked_event WHERE consumer = 'shipping-service' AND subject = ?", orderId);
    }

    private List<String> strings(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
