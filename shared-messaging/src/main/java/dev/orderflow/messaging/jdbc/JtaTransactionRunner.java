package dev.orderflow.messaging.jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A new JTA transaction per unit of work. The JDBC connection is enlisted in it, so the inbox row
 * and whatever the handler writes through Hibernate/Panache commit as one.
 */
@ApplicationScoped
public class JtaTransactionRunner implements TransactionRunner {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public <T> T inNewTransaction(SqlWork<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.execute(connection);
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
        });
    }
}
