package dev.orderflow.inventory.testing;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Test SKUs of their own per test (the catalogue is shared by the test class), read back from the database. */
public final class StockFixtures {
    private final AgroalDataSource dataSource;

    public StockFixtures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Stock(int available, int reserved, int shipped) {
        public int total() {
            return available + reserved + shipped;
        }
    }

    /** A new SKU with {@code available} units. */
    public String sku(int available) {
        String sku = "T-" + UUID.randomUUID().toString().substring(0, 12);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO stock_item (sku, name, available, reserved, shipped, version) VALUES (?, ?, ?, 0, 0, 0)")) {
            insert.setString(1, sku);
            insert.setString(2, "test item " + sku);
            insert.setInt(3, available);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sku;
    }

    public Stock stock(String sku) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT available, reserved, shipped FROM stock_item WHERE sku = ?")) {
            query.setString(1, sku);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no SKU " + sku);
                }
                return new Stock(rs.getInt(1), rs.getInt(2), rs.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The order's reservation status, or null when there is none. */
    public String reservationStatus(String orderId) {
        return single("SELECT status FROM reservation WHERE order_id = ?", orderId);
    }

    /** Unpublished outbox rows: 0 means the relay has published everything committed so far. */
    public long unpublishedOutboxRows() {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM messaging_outbox WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String single(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
