package dev.orderflow.sandbox.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Learns when orders reach a terminal state from order-service's own record of each transition
 * ({@code order_transition.occurred_at}): one read-only query for every order in flight, instead
 * of an HTTP poll per order that would load the service under test.
 */
final class TerminalWatcher implements AutoCloseable {
    private static final String TERMINAL = """
            SELECT order_id, to_status, occurred_at FROM order_transition
            WHERE order_id = ANY (?) AND to_status IN ('SHIPPED', 'REJECTED', 'CANCELLED')""";
    private static final Duration POLL = Duration.ofMillis(25);

    /** When an order reached which terminal state. */
    record Terminal(UUID orderId, String status, Instant at) {}

    private final Connection connection;
    private final Map<UUID, CompletableFuture<Terminal>> pending = new ConcurrentHashMap<>();
    private final AtomicLong queries = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    TerminalWatcher(String orderDbJdbcUrl, String user, String password) {
        try {
            connection = DriverManager.getConnection(orderDbJdbcUrl, user, password);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read order_db: " + e.getMessage(), e);
        }
        poller = Thread.ofPlatform().daemon().name("bench-terminal-watcher").start(this::poll);
    }

    CompletableFuture<Terminal> await(UUID orderId) {
        return pending.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    void forget(UUID orderId) {
        pending.remove(orderId);
    }

    /** Queries this watcher ran (each one a read-only transaction on order_db). */
    long queries() {
        return queries.get();
    }

    private void poll() {
        while (running) {
            try {
                if (!pending.isEmpty()) {
                    check();
                }
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (running) {
                    System.err.println("bench: terminal watcher query failed: " + e.getMessage());
                }
            }
        }
    }

    private void check() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TERMINAL)) {
            Array ids = connection.createArrayOf("uuid", pending.keySet().toArray());
            select.setArray(1, ids);
            queries.incrementAndGet();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    CompletableFuture<Terminal> future = pending.remove(id);
                    if (future != null) {
                        future.complete(new Terminal(id, rs.getString(2), rs.getTimestamp(3).toInstant()));
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(2_000);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // closing: nothing to do
        }
    }
}
