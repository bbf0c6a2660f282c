package dev.orderflow.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The provider's own record of money moved, in PostgreSQL (plain JDBC, one connection per call).
 * Every write is a single {@code INSERT ... ON CONFLICT DO NOTHING} followed, when it lost, by a read
 * of the row that won: concurrent requests with one key get one row and the same answer, which a
 * check-then-insert cannot promise.
 */
final class Ledger {
    record Charge(String chargeId, String idempotencyKey, String reference, String customerId, BigDecimal amount,
            String currency, String status, String declineReason, Instant createdAt) {
        boolean captured() {
            return "captured".equals(status);
        }
    }

    record Refund(String refundId, String chargeId, String idempotencyKey, BigDecimal amount, String currency,
            Instant createdAt) {}

    /** A write's outcome: the row, and whether this call created it (false = a replay). */
    record Written<T>(T row, boolean created) {}

    private static final String CHARGE_COLUMNS =
            "charge_id, idempotency_key, reference, customer_id, amount, currency, status, decline_reason, created_at";
    private static final String REFUND_COLUMNS = "refund_id, charge_id, idempotency_key, amount, currency, created_at";

    private final String jdbcUrl;
    private final String user;
    private final String password;

    Ledger(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    void createTables() {
        String ddl;
        try (InputStream in = Ledger.class.getResourceAsStream("ledger.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the ledger tables at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records the charge under {@code key}, or returns the one already recorded under it.
     *
     * @throws ApiProblem 422 when the key was used for a different charge
     */
    Written<Charge> charge(String key, ChargeRequest request, Optional<String> declineReason) throws SQLException {
        try (Connection c = connect()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO provider_charge (" + CHARGE_COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING " + CHARGE_COLUMNS)) {
                insert.setString(1, "ch_" + UUID.randomUUID());
                insert.setString(2, key);
                insert.setString(3, request.reference());
                insert.setString(4, request.customerId());
                insert.setBigDecimal(5, request.amount());
                insert.setString(6, request.currency());
                insert.setString(7, declineReason.isPresent() ? "declined" : "captured");
                insert.setString(8, declineReason.orElse(null));
                insert.setTimestamp(9, Timestamp.from(now()));
                Optional<Charge> created = first(insert, Ledger::charge);
                if (created.isPresent()) {
                    return new Written<>(created.get(), true);
                }
            }
            // Lost to an earlier (or concurrent, now committed) request with the same key.
            Charge existing = chargeByKey(c, key).orElseThrow(() -> new SQLException("charge of key " + key + " vanished"));
            if (!request.sameAs(existing)) {
                throw ApiProblem.keyReused("Idempotency-Key " + key + " was already used for a different charge (reference "
                        + existing.reference() + ", customer " + existing.customerId() + ", " + existing.amount() + " "
                        + existing.currency() + ")");
            }
            return new Written<>(existing, false);
        }
    }

    /**
     * Refunds the whole captured charge under {@code key}, or returns the refund already recorded under it.
     *
     * @throws ApiProblem 404 unknown charge, 409 declined or already refunded under another key, 422 key reused for another charge
     */
    Written<Refund> refund(String chargeId, String key) throws SQLException {
        try (Connection c = connect()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO provider_refund (" + REFUND_COLUMNS + ")"
                    + " SELECT ?, charge_id, ?, amount, currency, ? FROM provider_charge WHERE charge_id = ? AND status = 'captured'"
                    + " ON CONFLICT DO NOTHING RETURNING " + REFUND_COLUMNS)) {
                insert.setString(1, "re_" + UUID.randomUUID());
                insert.setString(2, key);
                insert.setTimestamp(3, Timestamp.from(now()));
                insert.setString(4, chargeId);
                Optional<Refund> created = first(insert, Ledger::refund);
                if (created.isPresent()) {
                    return new Written<>(created.get(), true);
                }
            }
            Optional<Refund> byKey = refundWhere(c, "idempotency_key", key);
            if (byKey.isPresent()) {
                if (!byKey.get().chargeId().equals(chargeId)) {
                    throw ApiProblem.keyReused("Idempotency-Key " + key + " was already used to refund charge " + byKey.get().chargeId());
                }
                return new Written<>(byKey.get(), false);
            }
            Charge charge = chargeWhere(c, "charge_id", chargeId)
                    .orElseThrow(() -> ApiProblem.notFound("no charge " + chargeId));
            if (!charge.captured()) {
                throw ApiProblem.conflict("charge " + chargeId + " was declined: there is nothing to refund");
            }
            Refund other = refundWhere(c, "charge_id", chargeId)
                    .orElseThrow(() -> new SQLException("refund of charge " + chargeId + " vanished"));
            throw ApiProblem.conflict("charge " + chargeId + " was already refunded (" + other.refundId()
                    + ") under another Idempotency-Key; a charge is refunded at most once");
        }
    }

    List<Charge> chargesOf(String reference) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT " + CHARGE_COLUMNS
                        + " FROM provider_charge WHERE reference = ? ORDER BY created_at, charge_id")) {
            s.setString(1, reference);
            return all(s, Ledger::charge);
        }
    }

    List<Charge> charges() throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT " + CHARGE_COLUMNS + " FROM provider_charge ORDER BY created_at, charge_id")) {
            return all(s, Ledger::charge);
        }
    }

    List<Refund> refunds() throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT " + REFUND_COLUMNS + " FROM provider_refund ORDER BY created_at, refund_id")) {
            return all(s, Ledger::refund);
        }
    }

    private Optional<Charge> chargeByKey(Connection c, String key) throws SQLException {
        return chargeWhere(c, "idempotency_key", key);
    }

    private static Optional<Charge> chargeWhere(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + CHARGE_COLUMNS + " FROM provider_charge WHERE " + column + " = ?")) {
            s.setString(1, value);
            return first(s, Ledger::charge);
        }
    }

    private static Optional<Refund> refundWhere(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + REFUND_COLUMNS + " FROM provider_refund WHERE " + column + " = ?")) {
            s.setString(1, value);
            return first(s, Ledger::refund);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        // A connection per request: without it the driver sends two SETs (extra_float_digits,
        // application_name) after connecting, two more transactions per charge on the provider's database.
        properties.setProperty("assumeMinServerVersion", "10");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS); // what timestamptz keeps
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> Optional<T> first(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
        }
    }

    private static <T> List<T> all(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return rows;
    }

    private static Charge charge(ResultSet rs) throws SQLException {
        return new Charge(rs.getString("charge_id"), rs.getString("idempotency_key"), rs.getString("reference"),
                rs.getString("customer_id"), rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("status"),
                rs.getString("decline_reason"), rs.getTimestamp("created_at").toInstant());
    }

    private static Refund refund(ResultSet rs) throws SQLException {
        return new Refund(rs.getString("refund_id"), rs.getString("charge_id"), rs.getString("idempotency_key"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getTimestamp("created_at").toInstant());
    }
}
