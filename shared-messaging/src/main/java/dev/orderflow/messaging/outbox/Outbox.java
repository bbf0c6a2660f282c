package dev.orderflow.messaging.outbox;

import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.jdbc.UncheckedSqlException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The transactional outbox, as services use it: call {@link #append} from a {@code @Transactional}
 * use case, next to the business change. The row commits or rolls back with that change; the
 * {@link dev.orderflow.messaging.relay.OutboxRelayService relay} publishes it after the commit.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry synchronizations;

    @Inject
    EventAppender writer;

    /**
     * Appends an event to the current transaction. MANDATORY: without a transaction there is no
     * business change to be atomic with, so it fails ({@code TransactionalException}) instead of
     * silently committing on its own.
     *
     * @return the envelope assigned (id, per-aggregate sequence, correlation and causation ids)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(OutboxEvent event) {
        // Agroal hands out the connection already enlisted in this JTA transaction.
        try (Connection connection = dataSource.getConnection()) {
            AppendedEvent appended = writer.append(connection, event);
            synchronizations.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        writer.afterCommit(appended);
                    }
                }
            });
            return appended.envelope();
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
    }
}
