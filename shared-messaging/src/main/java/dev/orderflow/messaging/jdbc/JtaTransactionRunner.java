package dev.orderflow.messaging.jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * A new JTA transaction per unit of work. The JDBC connection is enlisted in it, so the inbox row
 * and whatever the handler writes through Hibernate/Panache commit as one.
 *
 * <p>The persistence context is flushed before the commit, inside the transaction. Hibernate's own
 * flush at commit is skipped silently once the persistence unit is closing (a graceful stop), and
 * the connection would then commit the inbox and outbox rows without the entity changes. An
 * explicit flush on a closed unit fails instead, and the whole transaction rolls back.
 */
@ApplicationScoped
public class JtaTransactionRunner implements TransactionRunner {

    @Inject
    AgroalDataSource dataSource;

    // Empty where the library runs without entities (its own tests): nothing to flush there.
    @Inject
    InjectableInstance<Session> sessions;

    @Override
    public <T> T inNewTransaction(SqlWork<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                T result = work.execute(connection);
                sessions.listActive().forEach(Session::flush);
                return result;
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
        });
    }
}
