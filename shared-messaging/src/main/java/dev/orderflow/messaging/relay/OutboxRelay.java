package dev.orderflow.messaging.relay;

import dev.orderflow.messaging.lab.FaultPoint;
import dev.orderflow.messaging.lab.FaultPoints;
import dev.orderflow.messaging.jdbc.ConnectionFactory;
import dev.orderflow.messaging.jdbc.JsonHeaders;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.outbox.OutboxRecords;
import dev.orderflow.messaging.registry.SchemaRefusedException;
import dev.orderflow.messaging.tracing.MessagingSpans;
import dev.orderflow.events.CloudEventHeaders;
import io.opentelemetry.api.trace.Span;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka, in order per aggregate, and marks each row only after
 * the broker acknowledged it (at-least-once: a crash between the two re-publishes the row, which
 * the consumers' inbox absorbs).
 *
 * <p><b>Ordering with several instances — a leader lock.</b> Every instance of a service runs a
 * relay, but only the one holding the PostgreSQL advisory lock {@code settings.lockName()} publishes.
 * The lock belongs to a database session: when the leader dies (crash, kill -9, network loss) the
 * session ends, the lock is released and a standby takes over within {@code standbyRetry} — no
 * lease to tune, no split brain while the session lives. A single publisher per database is what
 * keeps rows of one aggregate in sequence order. The leader re-reads from the oldest unpublished
 * row, so what the dead leader sent but did not mark is sent again (a duplicate, never a gap).
 *
 * <p><b>A failed send never lets a later row overtake.</b> The producer is idempotent with
 * {@code acks=all} (ordered within a partition across retries). If a send still fails, the first
 * failure aborts the producer at once (pending records are not sent), no later row of that
 * aggregate is marked, the producer is replaced and the next round restarts from the oldest
 * unpublished row. A <em>retriable</em> failure (broker unreachable, timeout) fails the round: the
 * relay backs off and reports itself failing. A <em>non-retriable</em> one (e.g. the record exceeds
 * the topic's {@code max.message.bytes}) holds only that aggregate: its row records
 * {@code attempts} and {@code last_error}, none of its later rows is read or sent, the row alone is
 * retried with exponential backoff (up to {@code failedRowMaxBackoff}) until it is accepted (an
 * operator fixed the topic or the row), and every other aggregate keeps flowing.
 *
 * <p>Plain JDBC and a plain {@link Producer}: no CDI, so a child process can run it and crash at a
 * {@link FaultPoint}. {@link OutboxRelayService} runs it inside a Quarkus service.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    public static final String NOTIFY_CHANNEL = "messaging_outbox";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration FAILED_ROW_INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final long NO_ROW = -1;

    /** Oldest unpublished rows first, except those of aggregates held after a failed send. */
    private static final String SELECT_UNPUBLISHED = """
            SELECT id, aggregate_id, topic, message_key, payload, headers::text
            FROM messaging_outbox WHERE published_at IS NULL AND aggregate_id <> ALL (?)
            ORDER BY id LIMIT ?""";

    private final String name;
    private final ConnectionFactory connections;
    private final Supplier<Producer<String, byte[]>> producers;
    private final PayloadEncoder encoder;
    private final RelaySettings settings;
    private final FaultPoints faults;
    private final MessagingMetrics metrics;
    private final MessagingSpans spans;

    private volatile boolean running;
    private volatile boolean leader;
    private volatile Instant failingSince;
    private volatile String lastError;
    private Thread thread;
    private Instant lastCleanup = Instant.EPOCH;
    /** Aggregates whose oldest unpublished row the broker rejected; only the relay thread touches it. */
    private final Map<String, HeldAggregate> held = new HashMap<>();
    /** Held aggregates whose row the schema registry refused, with the reason; read by readiness. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    public OutboxRelay(
            String name,
            ConnectionFactory connections,
            Supplier<Producer<String, byte[]>> producers,
            PayloadEncoder encoder,
            RelaySettings settings,
            FaultPoints faults,
            MessagingMetrics metrics) {
        this(name, connections, producers, encoder, settings, faults, metrics, MessagingSpans.noop());
    }

    /** @param spans the PRODUCER span of each publish, continuing the trace stored with the row */
    public OutboxRelay(
            String name,
            ConnectionFactory connections,
            Supplier<Producer<String, byte[]>> producers,
            PayloadEncoder encoder,
            RelaySettings settings,
            FaultPoints faults,
            MessagingMetrics metrics,
            MessagingSpans spans) {
        this.spans = spans;
        this.name = name;
        this.connections = connections;
        this.producers = producers;
        this.encoder = encoder;
        this.settings = settings;
        this.faults = faults;
        this.metrics = metrics;
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
        return failingSince;
    }

    public String lastError() {
        return lastError;
    }

    /**
     * Aggregates held because the schema registry refused their oldest unpublished row (an
     * incompatible schema): aggregate id → reason. Not empty = a release must fix it; readiness says so.
     */
    public Map<String, String> refusedBySchemaRegistry() {
        return Map.copyOf(refused);
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection lock = connections.open()) {
                lock.setAutoCommit(true);
                if (!tryLeaderLock(lock)) {
                    leader = false;
                    recovered();
                    sleep(settings.standbyRetry());
                    continue;
                }
                leader = true;
                LOG.infof("outbox relay %s is the leader", name);
                try (Statement listen = lock.createStatement()) {
                    listen.execute("LISTEN " + NOTIFY_CHANNEL);
                }
                try (Connection work = connections.open()) {
                    work.setAutoCommit(true);
                    lead(lock, work);
                }
                backoff = Duration.ofMillis(200);
            } catch (Exception e) {
                failed(e);
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            } finally {
                leader = false;
            }
        }
    }

    /** The leader's loop: publish, wait for a NOTIFY (or the poll interval), repeat. */
    private void lead(Connection lock, Connection work) throws SQLException {
        Producer<String, byte[]> producer = producers.get();
        try {
            while (running) {
                assertSessionAlive(lock);
                Round round = publishBatch(work, producer);
                if (round.producerAborted()) {
                    // The aborted producer may hold state about the failed batch: start clean.
                    producer.close(Duration.ZERO);
                    producer = producers.get();
                }
                if (round.failed()) {
                    // Kafka or the schema registry unreachable or timing out: nothing moves, so readiness must say so.
                    failed(new IllegalStateException(round.failure()));
                    sleep(Duration.ofMillis(500));
                    continue;
                }
                recovered();
                maintain(work);
                if (round.sent() < settings.batchSize()) {
                    awaitNotification(lock);
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

    private record Row(long id, String aggregateId, String topic, String key, byte[] payload, String headers) {}

    /**
     * A row with the record value to publish (the payload in the registry's wire format) and its
     * PRODUCER span, whose traceparent replaces the stored one on the record.
     */
    private record Outgoing(Row row, Map<String, String> headers, byte[] value, Span span) {

        static Outgoing of(Row row, Map<String, String> stored, byte[] value, MessagingSpans spans) {
            Span span = spans.startPublish(row.topic(), row.key(), stored);
            Map<String, String> headers = new HashMap<>(stored);
            String traceparent = MessagingSpans.traceparent(span);
            if (traceparent != null) {
                headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
            }
            return new Outgoing(row, headers, value, span);
        }
    }

    /**
     * @param sent rows handed to the producer
     * @param failed the round could not make progress (retriable failure): back off
     * @param producerAborted a send failed and the producer was aborted: replace it
     * @param failure what stopped a failed round, for readiness and logs
     */
    private record Round(int sent, boolean failed, boolean producerAborted, String failure) {}

    /** An aggregate whose oldest unpublished row was rejected; retried alone after {@code retryAt}. */
    private record HeldAggregate(int failures, Instant retryAt) {}

    /** One batch: send all, then mark those acknowledged, never past a failure of the same aggregate. */
    Round publishBatch(Connection work, Producer<String, byte[]> producer) throws SQLException {
        List<Row> read = readUnpublished(work);
        if (read.isEmpty()) {
            return new Round(0, false, false, null);
        }
        // Encode everything first (the registry is asked here): a refused row holds its aggregate and
        // nothing of that aggregate is sent; an unreachable registry fails the round before any send.
        List<Outgoing> rows = new ArrayList<>(read.size());
        Set<String> refusedAggregates = new HashSet<>();
        for (Row row : read) {
            if (refusedAggregates.contains(row.aggregateId())) {
                continue;
            }
            Map<String, String> headers = JsonHeaders.read(row.headers());
            try {
                rows.add(Outgoing.of(row, headers, encoder.encode(row.topic(), headers, row.payload()), spans));
            } catch (SchemaRefusedException refusal) {
                refusedAggregates.add(row.aggregateId());
                refuse(work, row, refusal);
            } catch (RuntimeException unavailable) {
                LOG.warnf("outbox relay %s: cannot encode row %d: %s", name, row.id(), unavailable.toString());
                return new Round(0, true, false, "encoding for publication failed: " + unavailable);
            }
        }
        if (rows.isEmpty()) {
            return new Round(read.size(), false, false, null);
        }
        // The row whose failure aborted the producer; the failures of the rows behind it are only
        // the abort (collateral), not something wrong with them.
        AtomicLong rootFailure = new AtomicLong(NO_ROW);
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (Outgoing row : rows) {
            sends.add(send(producer, row, rootFailure));
        }
        Set<String> failedAggregates = new HashSet<>();
        List<Long> acknowledged = new ArrayList<>(rows.size());
        boolean retriableFailure = false;
        String firstFailure = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i).row();
            Span span = rows.get(i).span();
            try {
                sends.get(i).get();
                span.end();
                if (!failedAggregates.contains(row.aggregateId())) {
                    acknowledged.add(row.id());
                    held.remove(row.aggregateId());
                    refused.remove(row.aggregateId());
                }
            } catch (ExecutionException e) {
                MessagingSpans.failed(span, e.getCause());
                span.end();
                failedAggregates.add(row.aggregateId());
                if (firstFailure == null) {
                    firstFailure = "sends to Kafka failed: " + e.getCause();
                }
                if (row.id() == rootFailure.get()) {
                    Throwable failure = e.getCause();
                    recordFailure(work, row, failure);
                    if (failure instanceof RetriableException) {
                        retriableFailure = true;
                    } else {
                        hold(row);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                rows.subList(i, rows.size()).forEach(unfinished -> unfinished.span().end());
                return new Round(0, true, true, "interrupted");
            }
        }
        faults.reach(FaultPoint.AFTER_PUBLISH_BEFORE_MARK);
        markPublished(work, acknowledged);
        metrics.published(acknowledged.size());
        boolean aborted = rootFailure.get() != NO_ROW || !failedAggregates.isEmpty();
        return new Round(read.size(), retriableFailure || (aborted && rootFailure.get() == NO_ROW), aborted, firstFailure);
    }

    private Future<RecordMetadata> send(Producer<String, byte[]> producer, Outgoing outgoing, AtomicLong rootFailure) {
        Row row = outgoing.row();
        try {
            return producer.send(
                    OutboxRecords.toProducerRecord(row.topic(), row.key(), outgoing.value(), outgoing.headers()),
                    (metadata, failure) -> {
                        if (failure != null && rootFailure.compareAndSet(NO_ROW, row.id())) {
                            // Abort everything not yet sent, so no later record of this partition
                            // reaches the broker ahead of the one that failed (the idempotent
                            // producer would otherwise re-sequence and send them).
                            producer.close(Duration.ZERO);
                        }
                    });
        } catch (RuntimeException e) { // producer already aborted or closed
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The registry refused the row's schema: loud (error log, metric, readiness), the row stays
     * unpublished, its aggregate is held like one the broker rejected; other aggregates flow.
     */
    private void refuse(Connection work, Row row, SchemaRefusedException refusal) throws SQLException {
        metrics.schemaRefused(refusal.type());
        refused.put(row.aggregateId(), refusal.getMessage());
        LOG.errorf("outbox relay %s: row %d of aggregate %s is NOT published, the schema registry refused it: %s",
                name, row.id(), row.aggregateId(), refusal.getMessage());
        recordFailure(work, row, refusal);
        hold(row);
    }

    /** Later rows of this aggregate stay unread until this row is accepted; it is retried with backoff. */
    private void hold(Row row) {
        HeldAggregate previous = held.get(row.aggregateId());
        int failures = previous == null ? 1 : previous.failures() + 1;
        Duration backoff = FAILED_ROW_INITIAL_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
        held.put(row.aggregateId(), new HeldAggregate(failures, Instant.now().plus(min(backoff, settings.failedRowMaxBackoff()))));
        LOG.warnf("outbox relay %s: row %d of aggregate %s was rejected; its later rows wait until it is accepted (failure %d)",
                name, row.id(), row.aggregateId(), failures);
    }

    private List<Row> readUnpublished(Connection work) throws SQLException {
        Instant now = Instant.now();
        List<String> waiting = new ArrayList<>();
        held.forEach((aggregate, hold) -> {
            if (now.isBefore(hold.retryAt())) {
                waiting.add(aggregate);
            }
        });
        try (PreparedStatement select = work.prepareStatement(SELECT_UNPUBLISHED)) {
            select.setArray(1, work.createArrayOf("text", waiting.toArray()));
            select.setInt(2, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                Set<String> probing = new HashSet<>();
                while (rs.next()) {
                    String aggregate = rs.getString(2);
                    // A held aggregate whose backoff is over sends its failed row alone.
                    if (held.containsKey(aggregate) && !probing.add(aggregate)) {
                        continue;
                    }
                    rows.add(new Row(rs.getLong(1), aggregate, rs.getString(3), rs.getString(4), rs.getBytes(5), rs.getString(6)));
                }
                return rows;
            }
        }
    }

    private static void markPublished(Connection work, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = work.prepareStatement(
                "UPDATE messaging_outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY (?)")) {
            update.setArray(1, work.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    private void recordFailure(Connection work, Row row, Throwable failure) throws SQLException {
        metrics.publishFailed();
        LOG.warnf("outbox relay %s: send of row %d failed: %s", name, row.id(), failure.toString());
        try (PreparedStatement update = work.prepareStatement(
                "UPDATE messaging_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            update.setString(1, String.valueOf(failure));
            update.setLong(2, row.id());
            update.executeUpdate();
        }
    }

    private void maintain(Connection work) throws SQLException {
        Instant now = Instant.now();
        if (now.isAfter(lastCleanup.plus(settings.cleanupInterval()))) {
            lastCleanup = now;
            try (PreparedStatement delete = work.prepareStatement(
                    "DELETE FROM messaging_outbox WHERE published_at < now() - make_interval(secs => ?)")) {
                delete.setDouble(1, settings.retention().toSeconds());
                int deleted = delete.executeUpdate();
                if (deleted > 0) {
                    LOG.debugf("outbox relay %s removed %d published rows", name, deleted);
                }
            }
        }
    }

    private boolean tryLeaderLock(Connection lock) throws SQLException {
        try (PreparedStatement statement = lock.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            statement.setString(1, settings.lockName());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    // The lock is only ours while its session lives; check before every batch.
    private static void assertSessionAlive(Connection lock) throws SQLException {
        try (Statement statement = lock.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private void awaitNotification(Connection lock) throws SQLException {
        PGConnection pg = lock.unwrap(PGConnection.class);
        pg.getNotifications((int) Math.max(1, settings.pollInterval().toMillis()));
    }

    private void recovered() {
        failingSince = null;
        lastError = null;
    }

    private void failed(Exception e) {
        if (!running) {
            return;
        }
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        lastError = e.toString();
        LOG.warnf("outbox relay %s cannot make progress: %s", name, e.toString());
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
