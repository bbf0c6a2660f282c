package dev.orderflow.messaging.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The leader lock and the wake-up channel, on one database session: a PostgreSQL advisory lock held
 * as long as the session lives (a dead leader's session ends and releases it, no lease to tune),
 * and {@code LISTEN} on the channel the outbox's trigger notifies on each insert.
 */
final class LeaderSession {
    static final String NOTIFY_CHANNEL = "messaging_outbox";

    // pg_locks shows a bigint advisory key as its high half (classid) and low half (objid), objsubid 1.
    private static final String LOCK_STILL_HELD = """
            SELECT EXISTS (SELECT 1 FROM pg_locks
                           WHERE locktype = 'advisory' AND granted AND pid = ? AND objsubid = 1
                             AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(?, 0))""";

    private final Connection session;
    private final String lockName;
    private int backendPid;

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
        backendPid = session.unwrap(PGConnection.class).getBackendPID();
        return true;
    }

    /**
     * The lock is only ours while its session lives: throws when the session's backend no longer
     * holds it, before every batch. Asked on the relay's work connection, inside the round's own
     * transaction, so the check costs no transaction of its own (a {@code SELECT 1} on the lock
     * session was one more commit per round).
     */
    void assertHeld(Connection work) throws SQLException {
        try (PreparedStatement statement = work.prepareStatement(LOCK_STILL_HELD)) {
            statement.setInt(1, backendPid);
            statement.setString(2, lockName);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new SQLException("the leader lock's session (backend " + backendPid + ") no longer holds " + lockName);
                }
            }
        }
    }

    /**
     * Waits for a NOTIFY about a row not in {@code alreadyRead}, at most {@code timeout} (the polling
     * fallback). A notification arrives after its row's commit, often after the round that already
     * read the row; waking for it would cost a round that finds nothing (a transaction).
     */
    void awaitNotification(Duration timeout, Set<Long> alreadyRead) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        PGConnection connection = session.unwrap(PGConnection.class);
        long remainingMillis = timeout.toMillis();
        while (remainingMillis > 0) {
            PGNotification[] notifications = connection.getNotifications((int) remainingMillis);
            if (notifications == null || notifications.length == 0) {
                return;
            }
            for (PGNotification notification : notifications) {
                if (!alreadyRead.contains(insertedId(notification))) {
                    return;
                }
            }
            remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        }
    }

    /** The highest id the notifying statement inserted; -1 (never an id) when the payload has none. */
    private static long insertedId(PGNotification notification) {
        try {
            return Long.parseLong(notification.getParameter());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
