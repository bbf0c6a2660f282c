package dev.orderflow.sandbox.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commits one happy order costs, derived from the code path (docs/saga.md, each service's
 * {@code application.properties} channels), and the same measured from PostgreSQL's own counters.
 *
 * <p>Happy path: OrderPlaced → InventoryReserved → PaymentCaptured → ShipmentScheduled →
 * InventoryCommitted (5 events). Every delivery of an event to a subscribed service is one
 * consumer transaction (inbox row + stream sequence + business change + outbox rows), including
 * the types a service consumes "without effect" (they still record their sequence). Every
 * published event is marked by its relay after the broker's ack: one commit per relay batch, so at
 * most one per event (fewer when batches carry several rows).
 */
final class CommitCount {
    private CommitCount() {}

    static final List<BenchReport.CommitStep> HAPPY_ORDER = List.of(
            new BenchReport.CommitStep("order_db", "POST /orders: order, lines, idempotency key, outbox row (1 tx)", 1),
            new BenchReport.CommitStep("order_db", "consume InventoryReserved, PaymentCaptured, ShipmentScheduled, InventoryCommitted", 4),
            new BenchReport.CommitStep("order_db", "relay marks OrderPlaced published", 1),
            new BenchReport.CommitStep("inventory_db", "consume OrderPlaced (reserve), PaymentCaptured (no effect), ShipmentScheduled (commit)", 3),
            new BenchReport.CommitStep("inventory_db", "relay marks InventoryReserved, InventoryCommitted published", 2),
            new BenchReport.CommitStep("payment_db", "consume OrderPlaced (remember), InventoryReserved (capture), InventoryCommitted, ShipmentScheduled (no effect)", 4),
            new BenchReport.CommitStep("payment_db", "capture attempt recorded before the provider call (REQUIRES_NEW)", 1),
            new BenchReport.CommitStep("payment_db", "relay marks PaymentCaptured published", 1),
            new BenchReport.CommitStep("shipping_db", "consume OrderPlaced (address), PaymentCaptured (schedule)", 2),
            new BenchReport.CommitStep("shipping_db", "relay marks ShipmentScheduled published", 1),
            new BenchReport.CommitStep("payment_provider_db", "provider ledger: the charge (Idempotency-Key)", 1));

    static final List<String> DATABASES = List.of("order_db", "inventory_db", "payment_db", "shipping_db", "payment_provider_db");

    /** {@code pg_stat_database.xact_commit} per database (every committed transaction, read-only ones too). */
    static Map<String, Long> sample(String adminJdbcUrl, String user, String password) throws SQLException {
        Map<String, Long> commits = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(adminJdbcUrl, user, password);
                PreparedStatement select = db.prepareStatement(
                        "SELECT datname, xact_commit FROM pg_stat_database WHERE datname = ANY (?)")) {
            select.setArray(1, db.createArrayOf("text", DATABASES.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    commits.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return commits;
    }

    /** Commits per order between two samples; {@code ownOrderDbQueries} (the bench's watcher) are taken out of order_db. */
    static Map<String, Double> perOrder(Map<String, Long> before, Map<String, Long> after, long orders, long ownOrderDbQueries) {
        Map<String, Double> perOrder = new LinkedHashMap<>();
        for (String db : DATABASES) {
            long delta = after.getOrDefault(db, 0L) - before.getOrDefault(db, 0L) - (db.equals("order_db") ? ownOrderDbQueries : 0);
            perOrder.put(db, orders == 0 ? Double.NaN : Math.round(100.0 * delta / orders) / 100.0);
        }
        return perOrder;
    }
}
