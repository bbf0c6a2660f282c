package dev.orderflow.messaging.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.MessagingHeaders;
import dev.orderflow.messaging.deadletter.DeadLetterTopics;
import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.consumer.ConsumerSettings;
import dev.orderflow.messaging.lab.NaiveMode;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.ProcessorHarness;
import dev.orderflow.messaging.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer side against real Kafka and PostgreSQL: duplicates, stale events, gaps and missing
 * prerequisites — each with the pattern on, and with its naive flag on to show the failure it prevents.
 */
class ConsumerOrderingTest {
    private static final String SOURCE = "/orderflow/test-producer";
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startProducer() {
        producer = Events.producer();
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @Test
    void duplicateDeliveryIsAppliedOnce() {
        assertThat(deliverTenTimes(NaiveMode.OFF)).isEqualTo(1);
    }

    @Test
    void withoutInboxAndSequenceChecksDuplicateDeliveryIsAppliedTenTimes() {
        // Sequence checks alone would already reject the copies as stale (defence in depth), so both are off.
        assertThat(deliverTenTimes(new NaiveMode(false, true, true))).isEqualTo(10);
    }

    @Test
    void staleEventIsIgnored() {
        assertThat(deliverStale(NaiveMode.OFF)).containsExactly(1L, 2L);
    }

    @Test
    void withoutSequenceChecksStaleEventIsAppliedAgain() {
        assertThat(deliverStale(NaiveMode.noSequenceChecksOnly())).containsExactly(1L, 2L, 1L);
    }

    @Test
    void gapIsParkedThenApplied() {
        assertThat(deliverWithGap(NaiveMode.OFF)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void withoutSequenceChecksGapIsAppliedOutOfOrder() {
        assertThat(deliverWithGap(NaiveMode.noSequenceChecksOnly())).containsExactly(1L, 3L, 4L, 2L);
    }

    @Test
    void eventWhosePrerequisiteIsOnAnotherTopicIsParkedUntilItArrives() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.prerequisite", 1);
        String order = "order-" + UUID.randomUUID();
        try (ProcessorHarness harness = new ProcessorHarness(db, topic, ConsumerSettings.defaults("test-service"))) {
            // InventoryReserved (another producer) arrives before OrderPlaced.
            Events.send(producer, Events.record(topic, Events.envelope("/orderflow/inventory", order, 1), "needs:" + order));
            harness.pumpUntil(() -> harness.outcomes(Outcome.PARKED) == 1);
            assertThat(db.queryLong("SELECT count(*) FROM test_applied_effect")).isZero();

            Events.send(producer, Events.record(topic, Events.envelope("/orderflow/order", order, 1), "provides:" + order));
            harness.pumpUntil(() -> db.queryLong("SELECT count(*) FROM test_applied_effect") == 2);

            assertThat(db.queryLong("SELECT count(*) FROM messaging_parked_event")).isZero();
            assertThat(harness.metrics.count("orderflow.inbox.released", "consumer", "test-consumer")).isEqualTo(1);
        }
    }

    @Test
    void gapThatNeverClosesIsDeadLetteredAfterTheBound() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.gap-timeout", 1);
        String subject = "order-" + UUID.randomUUID();
        ConsumerSettings settings = ConsumerSettings.defaults("test-service").withParkedTimeout(Duration.ofMillis(500));
        try (ProcessorHarness harness = new ProcessorHarness(db, topic, settings)) {
            Events.send(producer, Events.record(topic, Events.envelope(SOURCE, subject, 1), "1"));
            Events.send(producer, Events.record(topic, Events.envelope(SOURCE, subject, 3), "3"));
            harness.pumpUntil(() -> harness.results.size() == 2);

            harness.pumpUntil(() -> {
                harness.processor.sweep();
                return db.queryLong("SELECT count(*) FROM messaging_parked_event") == 0;
            });

            List<ConsumerRecord<String, byte[]>> deadLetters = Events.readAll(DeadLetterTopics.of(topic));
            assertThat(deadLetters).hasSize(1);
            assertThat(Events.header(deadLetters.getFirst(), "ce_sequence")).isEqualTo("3");
            assertThat(Events.header(deadLetters.getFirst(), MessagingHeaders.DEAD_LETTER_FAILURE)).isEqualTo("GAP_TIMEOUT");
            assertThat(Events.header(deadLetters.getFirst(), MessagingHeaders.DEAD_LETTER_TOPIC)).isEqualTo(topic);
            assertThat(Events.header(deadLetters.getFirst(), MessagingHeaders.DEAD_LETTER_SERVICE)).isEqualTo("test-service");
        }
    }

    /** The same record (same ce_id) delivered ten times; returns how many effects it had. */
    private long deliverTenTimes(NaiveMode naive) {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.duplicates", 1);
        EventEnvelope envelope = Events.envelope(SOURCE, "order-" + UUID.randomUUID(), 1);
        for (int i = 0; i < 10; i++) {
            Events.send(producer, Events.record(topic, envelope, "charge 10 EUR"));
        }
        try (ProcessorHarness harness = new ProcessorHarness(db, topic, ConsumerSettings.defaults("test-service"), naive)) {
            harness.pumpUntil(() -> harness.results.size() == 10);
            if (!naive.noInbox()) {
                assertThat(harness.outcomes(Outcome.DUPLICATE)).isEqualTo(9);
                assertThat(harness.metrics.count("orderflow.inbox.duplicates", "consumer", "test-consumer")).isEqualTo(9);
            }
        }
        return db.queryLong("SELECT count(*) FROM test_applied_effect");
    }

    /** Sequences 1, 2, then an older event (sequence 1 again, new id: a replay); returns applied sequences. */
    private List<Long> deliverStale(NaiveMode naive) {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.stale", 1);
        String subject = "order-" + UUID.randomUUID();
        for (long sequence : new long[] {1, 2, 1}) {
            Events.send(producer, Events.record(topic, Events.envelope(SOURCE, subject, sequence), "v" + sequence));
        }
        try (ProcessorHarness harness = new ProcessorHarness(db, topic, ConsumerSettings.defaults("test-service"), naive)) {
            harness.pumpUntil(() -> harness.results.size() == 3);
            if (!naive.noSequenceChecks()) {
                assertThat(harness.outcomes(Outcome.STALE)).isEqualTo(1);
                assertThat(harness.metrics.count("orderflow.inbox.stale", "consumer", "test-consumer")).isEqualTo(1);
            }
        }
        return appliedSequences(db);
    }

    /** Sequences 1, 3, 4 then the missing 2; returns the order in which they were applied. */
    private List<Long> deliverWithGap(NaiveMode naive) {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.gap", 1);
        String subject = "order-" + UUID.randomUUID();
        try (ProcessorHarness harness = new ProcessorHarness(db, topic, ConsumerSettings.defaults("test-service"), naive)) {
            for (long sequence : new long[] {1, 3, 4}) {
                Events.send(producer, Events.record(topic, Events.envelope(SOURCE, subject, sequence), "v" + sequence));
            }
            harness.pumpUntil(() -> harness.results.size() == 3);
            if (!naive.noSequenceChecks()) {
                // Parked durably, not applied, while 2 is missing.
                assertThat(db.queryLong("SELECT count(*) FROM messaging_parked_event")).isEqualTo(2);
                assertThat(appliedSequences(db)).containsExactly(1L);
            }
            Events.send(producer, Events.record(topic, Events.envelope(SOURCE, subject, 2), "v2"));
            harness.pumpUntil(() -> db.queryLong("SELECT count(*) FROM test_applied_effect") == 4);
            assertThat(db.queryLong("SELECT count(*) FROM messaging_parked_event")).isZero();
        }
        return appliedSequences(db);
    }

    private static List<Long> appliedSequences(TestDatabase db) {
        List<Long> sequences = new ArrayList<>();
        try (var connection = db.connections().open();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT sequence FROM test_applied_effect ORDER BY position")) {
            while (rs.next()) {
                sequences.add(rs.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return sequences;
    }
}
