package dev.orderflow.messaging.relay;

import dev.orderflow.messaging.jdbc.ConnectionFactory;
import dev.orderflow.messaging.jdbc.JdbcTransactionRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, in order per aggregate, and marks each row only after
 * the broker acknowledged it (at-least-once: a crash between the two re-publishes the row, which
 * the consumers' inbox absorbs). Made of parts:
 * <ul>
 *   <li>{@link LeaderSession} — <b>one publisher per database</b>: only the instance holding the
 *       advisory lock publishes; a dead leader's session releases it and a standby takes over within
 *       {@code standbyRetry}, re-reading from the oldest unpublished row (a duplicate, never a gap).
 *   <li>{@link OutboxStore} — the table, behind a contract that states each guarantee.
 *   <li>{@link BatchPublisher} — <b>a failed send never lets a later row overtake</b>: encode, send,
 *       mark the acknowledged; the first failure aborts the producer.
 *   <li>{@link AggregateHolds} — a row rejected for good holds only its aggregate, retried alone
 *       with backoff (up to {@code failedRowMaxBackoff}); every other aggregate keeps flowing.
 * </ul>
 * Plain JDBC and a plain {@link Producer}: no CDI, so a child process can run it (and crash in it).
 * {@link OutboxRelayService} runs it inside a Quarkus service. Built with {@link #builder}.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String name;
    private final ConnectionFactory connections;
    private final Supplier<Producer<String, byte[]>> producers;
    private final RelaySettings settings;
    private final OutboxStore store;
    private final AggregateHolds holds;
    private final BatchPublisher publisher;
    private final Clock clock;
    private final RelayHealth health;

    private volatile boolean running;
    private volatile boolean leader;
    private Thread thread;
    private Instant lastCleanup = Instant.EPOCH;

    OutboxRelay(RelayBuilder parts, OutboxStore store, AggregateHolds holds, BatchPublisher publisher) {
        this.name = parts.name;
        this.connections = parts.connections;
        this.producers = parts.producers;
        this.settings = parts.settings;
        this.clock = parts.clock;
        this.health = new RelayHealth(parts.name, parts.clock);
        this.store = store;
        this.holds = holds;
        this.publisher = publisher;
    }

    /** @param producers a new idempotent, {@code acks=all} producer per call (one is replaced after an abort) */
    public static RelayBuilder builder(String name, ConnectionFactory connections, Supplier<Producer<String, byte[]>> producers) {
        return new RelayBuilder(name, connections, producers);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops publishing and releases the leader lock (by closing its session). */
    @Override
    public void close() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(settings.pollInterval().plusSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isLeader() {
        return leader;
    }

    /** When the relay has been unable to make progress since (database or broker unreachable); null when fine. */
    public Instant failingSince() {
        return health.failingSince();
    }

    public String lastError() {
        return health.lastError();
    }

    /** Aggregates held because the schema registry refused their oldest row: aggregate id → reason (readiness). */
    public Map<String, String> refusedBySchemaRegistry() {
        return holds.refusedBySchemaRegistry();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection lockSession = connections.open()) {
                LeaderSession session = new LeaderSession(lockSession, settings.lockName());
                if (!session.tryLead()) {
                    leader = false;
                    health.recovered();
                    sleep(settings.standbyRetry());
                    continue;
                }
                leader = true;
                LOG.infof("outbox relay %s is the leader", name);
                try (Connection work = connections.open()) {
                    work.setAutoCommit(false);
                    lead(session, work);
                }
                backoff = Duration.ofMillis(200);
            } catch (Exception e) {
                failed(e);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                leader = false;
            }
        }
    }

    /** The leader's loop: publish a batch, wait for a NOTIFY (or the poll interval), repeat. */
    private void lead(LeaderSession session, Connection work) throws SQLException {
        Producer<String, byte[]> producer = producers.get();
        try {
            while (running) {
                BatchOutcome batch = round(session, work, producer);
                if (batch.status().replacesProducer()) {
                    producer.close(Duration.ZERO);
                    producer = producers.get();
                }
                if (batch.status().backsOff()) {
                    // Kafka or the schema registry unreachable or timing out: nothing moves, so readiness must say so.
                    failed(new IllegalStateException(batch.failure()));
                    sleep(Duration.ofMillis(500));
                    continue;
                }
                health.recovered();
                deleteExpired(work);
                if (batch.read() < settings.batchSize()) {
                    session.awaitNotification(settings.pollInterval(), batch.readIds());
                }
            }
        } finally {
            // close() interrupts to wake the loop; the producer must still flush and join its
            // I/O thread, which an interrupted thread cannot do.
            boolean interrupted = Thread.interrupted();
            producer.close(Duration.ofSeconds(5));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One round in one transaction: the lock check, the select, the sends and the mark (and any
     * failure recorded) commit together. It was three commits (a {@code SELECT 1} on the lock
     * session, the select, the mark) for the same work. While the broker acknowledges, the
     * transaction holds no snapshot (read committed, between statements) and no row lock until a
     * failure is recorded or the mark runs; only this leader writes those rows. A crash before the
     * commit leaves the rows unpublished: they are sent again (a duplicate, never a gap), as when
     * the relay died between the acknowledgement and a separate mark.
     */
    private BatchOutcome round(LeaderSession session, Connection work, Producer<String, byte[]> producer) throws SQLException {
        return JdbcTransactionRunner.inTransaction(work, connection -> {
            session.assertHeld(connection);
            return publisher.publish(connection, producer, settings.batchSize());
        });
    }

    /** Retention, at most once per {@code cleanupInterval}. */
    private void deleteExpired(Connection work) throws SQLException {
        Instant now = clock.instant();
        if (now.isAfter(lastCleanup.plus(settings.cleanupInterval()))) {
            lastCleanup = now;
            int deleted = JdbcTransactionRunner.inTransaction(work,
                    connection -> store.deletePublishedOlderThan(connection, settings.retention()));
            if (deleted > 0) {
                LOG.debugf("outbox relay %s removed %d published rows", name, deleted);
            }
        }
    }

    private void failed(Exception e) {
        if (running) {
            health.failed(e);
        }
    }

    private void sleep(Duration duration) {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
