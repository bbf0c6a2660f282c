package dev.orderflow.sandbox.bench;

import dev.orderflow.sandbox.platform.RunningPlatform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A backlog drained by a service's real relay: copies of a real outbox row (new event ids,
 * aggregates and keys, same payload and headers) inserted while the service is stopped, then the
 * service started and the backlog timed to zero from the rows' own {@code published_at}. The copies
 * go to a topic no service consumes, so the drain adds no load to the saga measured after it.
 */
final class OutboxDrain {
    static final String TOPIC = "bench.outbox-drain";
    private static final Duration TIMEOUT = Duration.ofMinutes(12);

    /** A real event as the relay reads it: the sizes and headers the raw producer baseline reuses. */
    record Template(long id, int payloadBytes, Map<String, String> headers) {}

    private OutboxDrain() {}

    /** The newest OrderPlaced row of order-service's outbox (the bench places warm-up orders first). */
    static Template template(Connection orderDb) throws SQLException {
        try (Statement statement = orderDb.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT id, octet_length(payload), headers::text FROM messaging_outbox
                        WHERE event_type LIKE '%OrderPlaced%' AND topic <> 'bench.outbox-drain' ORDER BY id DESC LIMIT 1""")) {
            if (!rs.next()) {
                throw new IllegalStateException("no OrderPlaced row in order-service's outbox to copy");
            }
            Map<String, String> headers = new com.fasterxml.jackson.databind.ObjectMapper().readValue(rs.getString(3),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
            return new Template(rs.getLong(1), rs.getInt(2), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("outbox headers are not a JSON object: " + e.getMessage(), e);
        }
    }

    /** Stops {@code service}, inserts {@code rows} copies of the template in one transaction, starts it, times the drain. */
    static BenchReport.Drain run(RunningPlatform platform, String service, String database, Template template, int rows,
            Consumer<String> progress) throws SQLException {
        String url = platform.infra().jdbcUrl(database);
        try (Connection db = DriverManager.getConnection(url, platform.infra().username(), platform.infra().password())) {
            db.setAutoCommit(true);
            progress.accept("stopping " + service);
            platform.process(service).stop();
            removeLeftovers(db);
            progress.accept("inserting " + rows + " outbox rows");
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO messaging_outbox (event_id, aggregate_type, aggregate_id, sequence, event_type, topic, message_key,
                                                  payload, headers)
                    SELECT c.event_id, t.aggregate_type, c.aggregate_id, 1, t.event_type, ?, c.aggregate_id, t.payload,
                           t.headers || jsonb_build_object('ce_id', c.event_id::text, 'ce_subject', c.aggregate_id, 'ce_sequence', '1')
                    FROM messaging_outbox t,
                         (SELECT gen_random_uuid() AS event_id, 'bench-drain-' || gen_random_uuid() AS aggregate_id
                          FROM generate_series(1, ?)) c
                    WHERE t.id = ?""")) {
                insert.setString(1, TOPIC);
                insert.setInt(2, rows);
                insert.setLong(3, template.id());
                insert.executeUpdate();
            }
            progress.accept("starting " + service + " (its relay drains the backlog)");
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> platform.restart(service));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Drained drained;
            while (true) {
                drained = drained(db);
                progress.accept(String.format(Locale.ROOT, "%,d of %,d rows published", rows - drained.unpublished(), rows));
                if (drained.unpublished() == 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(drained.unpublished() + " rows still unpublished after " + TIMEOUT.toMinutes() + " min");
                }
                sleep(500);
            }
            restart.join();
            // The first mark closes the first batch: count the rows published after it over the time they took.
            double seconds = Duration.between(drained.first().toInstant(), drained.last().toInstant()).toNanos() / 1e9;
            double rate = (rows - drained.inFirstMark()) / seconds;
            removeLeftovers(db);
            return new BenchReport.Drain(service, rows, seconds, rate);
        }
    }

    /** Rows of an earlier run that was interrupted: they would be drained and counted with this one. */
    static void removeLeftovers(Connection db) throws SQLException {
        try (Statement delete = db.createStatement()) {
            delete.executeUpdate("DELETE FROM messaging_outbox WHERE topic = '" + TOPIC + "'");
        }
    }

    private record Drained(long unpublished, Timestamp first, Timestamp last, long inFirstMark) {}

    private static Drained drained(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT count(*) FILTER (WHERE published_at IS NULL), min(published_at), max(published_at),
                               count(*) FILTER (WHERE published_at = (SELECT min(published_at) FROM messaging_outbox
                                                                      WHERE topic = 'bench.outbox-drain'))
                        FROM messaging_outbox WHERE topic = 'bench.outbox-drain'""")) {
            rs.next();
            return new Drained(rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3), rs.getLong(4));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
