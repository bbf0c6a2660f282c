package dev.orderflow.sandbox.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The baselines: what PostgreSQL and Kafka do on this machine with nothing of orderflow in between. */
final class PhysicalLimits {
    private PhysicalLimits() {}

    /**
     * Single-row INSERT + COMMIT in a loop on {@code connections} connections at once (autocommit:
     * one commit per row, as a service's smallest transaction). Returns commits per second.
     */
    static double postgresCommitRate(String jdbcUrl, String user, String password, int connections, Duration duration,
            LongConsumer progress) {
        try (Connection setup = DriverManager.getConnection(jdbcUrl, user, password); Statement ddl = setup.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_commit (id bigserial PRIMARY KEY, payload bytea NOT NULL,"
                    + " created_at timestamptz NOT NULL DEFAULT now())");
            ddl.execute("TRUNCATE bench_commit");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the commit benchmark: " + e.getMessage(), e);
        }
        byte[] payload = new byte[300];
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long begin = System.nanoTime();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(connections)) {
            for (int i = 0; i < connections; i++) {
                workers.add(CompletableFuture.runAsync(() -> {
                    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                            PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_commit (payload) VALUES (?)")) {
                        connection.setAutoCommit(true);
                        insert.setBytes(1, payload);
                        while (System.nanoTime() < end) {
                            insert.executeUpdate();
                            progress.accept(commits.incrementAndGet());
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("commit benchmark failed: " + e.getMessage(), e);
                    }
                }, threads));
            }
            workers.forEach(CompletableFuture::join);
        }
        return commits.get() / seconds(System.nanoTime() - begin);
    }

    /**
     * Records not yet acknowledged at any moment. Enough to keep every partition's batches full, few
     * enough that none waits in the accumulator past delivery.timeout.ms when the broker is slow
     * (an unbounded loop fills 32 MB of buffer and expires batches instead of measuring a rate).
     */
    static final int MAX_UNACKNOWLEDGED = 4096;

    /**
     * A raw producer as the relay configures it (acks=all, idempotent, linger 5 ms) sending records
     * of the events' size with their headers as fast as it can. Returns acknowledged records per second.
     */
    static double kafkaProducerRate(String bootstrapServers, String topic, int valueBytes, Map<String, String> headers,
            Duration duration, LongConsumer progress) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "orderflow-bench-producer");
        byte[] value = new byte[valueBytes];
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((k, v) -> recordHeaders.add(k, v.getBytes(StandardCharsets.UTF_8)));
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Semaphore unacknowledged = new Semaphore(MAX_UNACKNOWLEDGED);
        long begin;
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            firstRecordPerPartition(producer, topic, value, recordHeaders);
            begin = System.nanoTime();
            long end = begin + duration.toNanos();
            while (System.nanoTime() < end && failure.get() == null) {
                unacknowledged.acquireUninterruptibly();
                producer.send(new ProducerRecord<>(topic, null, UUID.randomUUID().toString(), value, recordHeaders), (m, e) -> {
                    unacknowledged.release();
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        progress.accept(acked.incrementAndGet());
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producer benchmark failed: " + failure.get(), failure.get());
        }
        return acked.get() / seconds(System.nanoTime() - begin);
    }

    /**
     * One record per partition, each awaited, before the timed loop. Right after the topic is
     * created a partition may refuse the first batch (not loaded yet) while the next four in flight
     * are appended; the retried first batch is then out of sequence for the idempotent producer and
     * is retried until delivery.timeout.ms expires it (seen in CI: OutOfOrderSequenceException on
     * the broker, the bench failing after 120 s).
     */
    private static void firstRecordPerPartition(KafkaProducer<String, byte[]> producer, String topic, byte[] value,
            RecordHeaders headers) {
        try {
            for (var partition : producer.partitionsFor(topic)) {
                producer.send(new ProducerRecord<>(topic, partition.partition(), UUID.randomUUID().toString(), value, headers))
                        .get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("producer benchmark: topic " + topic + " did not take a first record: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming up the producer benchmark", e);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
