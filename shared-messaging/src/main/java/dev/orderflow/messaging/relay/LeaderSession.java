package dev.orderflow.messaging.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;

/**
 * The leader lock and the wake-up channel, on one database session: a PostgreSQL advisory lock held
 * as long as the session lives (a dead leader's session ends and releases it, no lease to tune),
 * and {@code LISTEN} on the channel the outbox's trigger notifies on each insert.
 */
final class LeaderSession {
    static final String NOTIFY_CHANNEL = "messaging_outbox";

    private final Connection session;
    private final String lockName;

    LeaderSession(Connection session, String lockName) throws SQLException {
        this.session = session;
        this.lockName = lockName;
        session.setAutoCommit(true);
    }

    /** Takes the lock if no other session holds it; when true, this session also listens for new rows. */
    boolean tryLead() throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            statement.setString(1, lockName);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (Statement listen = session.createStatement()) {
            listen.execute("LISTEN " + NOTIFY_CHANNEL);
        }
        return true;
    }

    /** The lock is only ours while its session lives: throws when it does not, before every batch. */
    void assertAlive() throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    /** Waits for a NOTIFY, at most {@code timeout} (the polling fallback). */
    void awaitNotification(Duration timeout) throws SQLException {
        session.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis()));
    }
}
