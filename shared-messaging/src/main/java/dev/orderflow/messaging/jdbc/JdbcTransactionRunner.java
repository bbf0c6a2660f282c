package dev.orderflow.messaging.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Plain JDBC transactions on a fresh connection each time; exposes it to code that runs inside. */
public final class JdbcTransactionRunner implements TransactionRunner {
    private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();
    private final ConnectionFactory connections;

    public JdbcTransactionRunner(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** The connection of the transaction running on this thread (for handlers outside CDI). */
    public static Connection currentConnection() {
        Connection connection = CURRENT.get();
        if (connection == null) {
            throw new IllegalStateException("no JdbcTransactionRunner transaction on this thread");
        }
        return connection;
    }

    @Override
    public <T> T inNewTransaction(SqlWork<T> work) {
        Connection previous = CURRENT.get();
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            CURRENT.set(connection);
            return inTransaction(connection, work);
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        } finally {
            CURRENT.set(previous);
        }
    }

    /**
     * One transaction on a connection the caller keeps open (auto-commit off): committed when the
     * work returns, rolled back when it throws (a failed rollback is added to the failure).
     */
    public static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        try {
            T result = work.execute(connection);
            connection.commit();
            return result;
        } catch (Throwable failure) {
            rollbackQuietly(connection, failure);
            throw failure;
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
