package dev.orderflow.messaging.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.infra.TestInfra;
import dev.orderflow.messaging.consumer.ConsumeResult;
import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.consumer.ConsumerSettings;
import dev.orderflow.messaging.consumer.ConsumerStoppedException;
import dev.orderflow.messaging.consumer.DeliveryAttempt;
import dev.orderflow.messaging.consumer.InboundEventProcessor;
import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.jdbc.JdbcTransactionRunner;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.registry.ApicurioSchemas;
import dev.orderflow.messaging.registry.RegistryEventDecoder;
import dev.orderflow.messaging.registry.RegistrySettings;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.RecordingHandler;
import dev.orderflow.messaging.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * The lab's switch {@code no-failure-classification} ({@link EveryFailureTransient}) against the
 * template on the same partition: a poison record, then a healthy one. Without classification the
 * poison is retried and the healthy record behind it is never applied (head-of-line blocking);
 * with it the poison is dead-lettered and the healthy record applied.
 */
class NoFailureClassificationTest {
    private static final String SOURCE = "/orderflow/test-producer";
    private static final String CONSUMER = "test-consumer";

    @Test
    void poisonRecordRetriedAsTransientBlocksTheRecordBehindIt() throws InterruptedException {
        TestDatabase db = TestDatabase.create();
        String topic = poisonThenHealthy();
        MessagingMetrics metrics = MessagingMetrics.inMemory();
        InboundEventProcessor processor = processor(db, metrics, new EveryFailureTransient());
        List<ConsumeResult> results = new CopyOnWriteArrayList<>();
        // Its own thread, as a channel has: the common pool may be busy or have a single worker on a small machine.
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<?> consuming = thread.submit(() -> consume(topic, processor, results));
        try {
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> metrics.count("orderflow.consumer.transient.retries", "consumer", CONSUMER) >= 3);
            assertThat(results).as("the poison never completes, as nothing behind it").isEmpty();
            assertThat(db.queryLong("SELECT count(*) FROM test_applied_effect")).as("the healthy record waits").isZero();
        } finally {
            processor.stop();
            thread.shutdown();
        }
        assertThat(stoppedWith(consuming)).isInstanceOf(ConsumerStoppedException.class);
        assertThat(results).isEmpty();
    }

    @Test
    void poisonRecordIsDeadLetteredAndTheRecordBehindItAppliedWithClassification() {
        TestDatabase db = TestDatabase.create();
        String topic = poisonThenHealthy();
        MessagingMetrics metrics = MessagingMetrics.inMemory();
        InboundEventProcessor processor = processor(db, metrics, DeliveryAttempt.Decorator.none());
        List<ConsumeResult> results = new CopyOnWriteArrayList<>();

        consume(topic, processor, results);

        assertThat(results).extracting(ConsumeResult::outcome).containsExactly(Outcome.DEAD_LETTER, Outcome.APPLIED);
        assertThat(metrics.count("orderflow.consumer.transient.retries", "consumer", CONSUMER)).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM test_applied_effect")).isOne();
    }

    /** One partition: a record whose handler fails permanently, then a healthy one. */
    private static String poisonThenHealthy() {
        String topic = Events.newTopic("test.no-classification", 1);
        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            Events.send(producer, Events.record(topic, Events.envelope(SOURCE, "ledger-" + UUID.randomUUID(), 1), "poison"));
            Events.send(producer, Events.record(topic, Events.envelope(SOURCE, "ledger-" + UUID.randomUUID(), 1), "healthy"));
        }
        return topic;
    }

    private static InboundEventProcessor processor(TestDatabase db, MessagingMetrics metrics, DeliveryAttempt.Decorator attempts) {
        return InboundEventProcessor.builder(
                        new RecordingHandler(CONSUMER, RecordingHandler.PLAIN_JDBC),
                        new JdbcTransactionRunner(db.connections()),
                        new RegistryEventDecoder(ApicurioSchemas.connect(RegistrySettings.of(TestInfra.shared().registryUrl()))),
                        ConsumerSettings.defaults("test-service"))
                .metrics(metrics)
                .decorateAttempts(attempts)
                .build();
    }

    /** Processes the topic's records in order until both completed, as the service's channel would (one partition, one thread). */
    private static void consume(String topic, InboundEventProcessor processor, List<ConsumeResult> results) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (KafkaConsumer<String, byte[]> consumer = Events.consumer(topic)) {
            while (results.size() < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the two records were not processed within 2 minutes: " + results);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    results.add(processor.process(InboundRecord.of(record)));
                }
            }
        }
    }

    private static Throwable stoppedWith(Future<?> consuming) throws InterruptedException {
        try {
            consuming.get(1, TimeUnit.MINUTES);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException stillRetrying) {
            return stillRetrying;
        }
    }
}
