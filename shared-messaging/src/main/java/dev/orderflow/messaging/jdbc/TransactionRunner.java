package dev.orderflow.messaging.jdbc;

/**
 * Runs work in one new database transaction, committed when it returns, rolled back when it throws.
 * Two implementations: plain JDBC ({@link JdbcTransactionRunner}) for child processes and tools, and
 * JTA in Quarkus, where a handler's Hibernate/Panache changes join the same transaction.
 */
public interface TransactionRunner {
    <T> T inNewTransaction(SqlWork<T> work);
}
