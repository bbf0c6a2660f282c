package dev.orderflow.messaging.testing;

import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.consumer.EventHandler;
import dev.orderflow.messaging.consumer.HandlerOutcome;
import dev.orderflow.messaging.consumer.IdempotentConsumer;
import dev.orderflow.messaging.consumer.IncomingEvent;
import dev.orderflow.messaging.jdbc.UncheckedSqlException;
import dev.orderflow.messaging.outbox.Outbox;
import dev.orderflow.messaging.outbox.OutboxEvent;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A minimal service built the way the four real ones use the library: a use case, a handler, a channel. */
public final class LedgerApp {
    private LedgerApp() {}

    public static final String TOPIC = "test.ledger.events";

    /** The service layer: business row and outbox row in one transaction. */
    @ApplicationScoped
    public static class LedgerService {
        @Inject
        AgroalDataSource dataSource;

        @Inject
        Outbox outbox;

        @Transactional
        public EventEnvelope open(String ledgerId, boolean failAfterAppend) {
            insertBusinessRow(ledgerId);
            EventEnvelope envelope = outbox.append(OutboxEvent.of(
                    "Ledger", ledgerId, Events.TEST_TYPE, TOPIC, ("opened " + ledgerId).getBytes(StandardCharsets.UTF_8))
                    .withContentType(Events.OPAQUE));
            if (failAfterAppend) {
                throw new IllegalStateException("use case failed after appending its event");
            }
            return envelope;
        }

        private void insertBusinessRow(String id) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO test_business (id) VALUES (?)")) {
                insert.setString(1, id);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
        }
    }

    /** The handler: records effects through the transaction's enlisted connection. */
    @ApplicationScoped
    public static class LedgerEventHandler implements EventHandler {
        private final RecordingHandler delegate;

        @Inject
        public LedgerEventHandler(AgroalDataSource dataSource) {
            this.delegate = new RecordingHandler("ledger-service", new RecordingHandler.Db() {
                @Override
                public <T> T run(dev.orderflow.messaging.jdbc.SqlWork<T> work) {
                    try (Connection connection = dataSource.getConnection()) {
                        return work.execute(connection);
                    } catch (SQLException e) {
                        throw new UncheckedSqlException(e);
                    }
                }
            });
        }

        @Override
        public String consumer() {
            return delegate.consumer();
        }

        @Override
        public HandlerOutcome handle(IncomingEvent event) {
            return delegate.handle(event);
        }
    }

    /** The messaging adapter: one line per channel. */
    @ApplicationScoped
    public static class LedgerChannel {
        @Inject
        IdempotentConsumer consumer;

        @Inject
        LedgerEventHandler handler;

        @Incoming("ledger-in")
        @Blocking
        public CompletionStage<Void> onLedgerEvent(Message<byte[]> message) {
            return consumer.consume(message, handler);
        }
    }
}
