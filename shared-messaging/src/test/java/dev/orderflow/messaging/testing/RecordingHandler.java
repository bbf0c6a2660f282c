package dev.orderflow.messaging.testing;

import dev.orderflow.messaging.failure.PermanentFailureException;
import dev.orderflow.messaging.consumer.EventHandler;
import dev.orderflow.messaging.consumer.HandlerOutcome;
import dev.orderflow.messaging.consumer.IncomingEvent;
import dev.orderflow.messaging.jdbc.JdbcTransactionRunner;
import dev.orderflow.messaging.jdbc.SqlWork;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Predicate;

/**
 * A stand-in for a service's handler: records one effect row per applied event, so a test can
 * count effects and read their order. Payload conventions: {@code poison} cannot be processed,
 * {@code needs:X} waits for a prior {@code provides:X}, {@code requires:X} fails permanently (is
 * dead-lettered) unless {@code X} was provided — by an event or by an operator's fix.
 */
public class RecordingHandler implements EventHandler {

    /** Runs SQL on the connection of the transaction the handler is called in. */
    public interface Db {
        <T> T run(SqlWork<T> work);
    }

    /** For plain-JDBC processors ({@link JdbcTransactionRunner}). */
    public static final Db PLAIN_JDBC = new Db() {
        @Override
        public <T> T run(SqlWork<T> work) {
            try {
                return work.execute(JdbcTransactionRunner.currentConnection());
            } catch (java.sql.SQLException e) {
                throw new dev.orderflow.messaging.jdbc.UncheckedSqlException(e);
            }
        }
    };

    private final String consumer;
    private final Db db;
    private final Predicate<String> handles;

    public RecordingHandler(String consumer, Db db) {
        this(consumer, db, type -> true);
    }

    /** @param handles the types it acts on; every other one it hands back as not handled, as a service's default branch does */
    public RecordingHandler(String consumer, Db db, Predicate<String> handles) {
        this.consumer = consumer;
        this.db = db;
        this.handles = handles;
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public HandlerOutcome handle(IncomingEvent event) {
        if (!handles.test(event.type())) {
            return HandlerOutcome.notHandled();
        }
        String payload = new String(event.payload(), StandardCharsets.UTF_8);
        if (payload.equals("poison")) {
            throw new PermanentFailureException("payload of " + event.type() + " cannot be decoded");
        }
        if (payload.startsWith("requires:") && !prerequisiteExists(payload.substring("requires:".length()))) {
            throw new PermanentFailureException(payload + " is missing");
        }
        if (payload.startsWith("needs:") && !prerequisiteExists(payload.substring("needs:".length()))) {
            return HandlerOutcome.awaiting(payload);
        }
        db.run(connection -> {
            if (payload.startsWith("provides:")) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO test_prerequisite (subject) VALUES (?) ON CONFLICT DO NOTHING")) {
                    insert.setString(1, payload.substring("provides:".length()));
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO test_applied_effect (consumer, subject, sequence, event_id, event_type)
                    VALUES (?, ?, ?, ?, ?)""")) {
                insert.setString(1, consumer);
                insert.setString(2, event.subject());
                insert.setLong(3, event.sequence());
                insert.setObject(4, event.id());
                insert.setString(5, event.type());
                insert.executeUpdate();
            }
            return null;
        });
        return HandlerOutcome.applied();
    }

    private boolean prerequisiteExists(String subject) {
        return db.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM test_prerequisite WHERE subject = ?")) {
                select.setString(1, subject);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
