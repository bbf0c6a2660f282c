package dev.orderflow.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.envelope.MessagingHeaders;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.ProcessorHarness;
import dev.orderflow.messaging.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Types a consumer does not handle, on real Kafka and PostgreSQL: a newer type from the topic's
 * producer is skipped without blocking its aggregate, a stranger's record is dead-lettered, and the
 * v1/v2 twins of a dual-publish migration reach a consumer that knows one version exactly once,
 * whichever arrives first.
 */
class TolerantReaderTest {
    private static final String PRODUCER = "/orderflow/test-producer";
    private static final String KNOWN = "dev.orderflow.test.LedgerEntryRecorded.v1";
    private static final String KNOWN_V2 = "dev.orderflow.test.LedgerEntryRecorded.v2";
    private static final String NEWER = "dev.orderflow.test.LedgerEntryAnnotated.v1";
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
    void typeNewerThanTheConsumerFromItsProducerIsSkippedCountedAndDoesNotBlockTheNextEvent() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.tolerant", 1);
        String entry = "entry-" + UUID.randomUUID();
        try (ProcessorHarness harness = new ProcessorHarness(db, topic, Set.of(KNOWN)::contains, PRODUCER)) {
            send(topic, KNOWN, PRODUCER, entry, 1);
            send(topic, NEWER, PRODUCER, entry, 2);
            send(topic, KNOWN, PRODUCER, entry, 3);
            harness.pumpUntil(() -> harness.results.size() == 3);

            assertThat(harness.results).extracting(ConsumeResult::outcome)
                    .containsExactly(Outcome.APPLIED, Outcome.SKIPPED, Outcome.APPLIED);
            assertThat(harness.metrics.count("orderflow.events.skipped", "consumer", "test-consumer", "type", NEWER)).isEqualTo(1);
        }
        assertThat(effects(db, entry)).as("3 applied, not parked behind 2").isEqualTo(List.of(1L, 3L));
        assertThat(db.queryLong("SELECT count(*) FROM messaging_parked_event")).isZero();
        assertThat(db.queryLong("SELECT last_sequence FROM messaging_consumer_stream WHERE subject = '" + entry + "'")).isEqualTo(3);
    }

    @Test
    void typeFromASourceThatIsNotTheTopicsProducerIsDeadLetteredWithTheReason() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.tolerant", 1);
        String entry = "entry-" + UUID.randomUUID();
        try (ProcessorHarness harness = new ProcessorHarness(db, topic, Set.of(KNOWN)::contains, PRODUCER)) {
            send(topic, NEWER, "/somewhere/else", entry, 1);
            harness.pumpUntil(() -> harness.results.size() == 1);

            assertThat(harness.results).extracting(ConsumeResult::outcome).containsExactly(Outcome.DEAD_LETTER);
            assertThat(harness.metrics.count("orderflow.events.skipped", "consumer", "test-consumer", "type", NEWER)).isZero();
        }
        List<ConsumerRecord<String, byte[]>> deadLetters = Events.readAll(topic + ".dlq");
        assertThat(deadLetters).hasSize(1);
        assertThat(Events.header(deadLetters.getFirst(), MessagingHeaders.DEAD_LETTER_REASON))
                .contains("unknown ce_source '/somewhere/else'", PRODUCER);
        assertThat(db.queryLong("SELECT count(*) FROM messaging_consumer_stream WHERE subject = '" + entry + "'"))
                .as("no stream opened for a stranger")
                .isZero();
        assertThat(db.queryLong("SELECT count(*) FROM messaging_inbox")).as("rolled back with the delivery").isZero();
    }

    @Test
    void twinsOfOneEventAreAppliedOnceInTheVersionTheConsumerKnowsWhicheverArrivesFirst() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.twins", 1);
        String v2First = "entry-" + UUID.randomUUID();
        String v1First = "entry-" + UUID.randomUUID();
        try (ProcessorHarness harness = new ProcessorHarness(db, topic, Set.of(KNOWN)::contains, PRODUCER)) {
            send(topic, KNOWN_V2, PRODUCER, v2First, 1);
            send(topic, KNOWN, PRODUCER, v2First, 1);
            send(topic, KNOWN, PRODUCER, v1First, 1);
            send(topic, KNOWN_V2, PRODUCER, v1First, 1);
            send(topic, KNOWN, PRODUCER, v2First, 2);
            harness.pumpUntil(() -> harness.results.size() == 5);

            assertThat(harness.results).extracting(ConsumeResult::outcome).containsExactly(
                    Outcome.SKIPPED, Outcome.APPLIED, Outcome.APPLIED, Outcome.DUPLICATE, Outcome.APPLIED);
            assertThat(harness.outcomes(Outcome.STALE)).isZero();
            assertThat(harness.outcomes(Outcome.DEAD_LETTER)).isZero();
        }
        assertThat(effects(db, v2First)).as("v1 applied after the skipped v2, then the next event").isEqualTo(List.of(1L, 2L));
        assertThat(effects(db, v1First)).as("v1 applied, v2 a duplicate").isEqualTo(List.of(1L));
        assertThat(db.queryLong("SELECT count(*) FROM test_applied_effect WHERE event_type <> '" + KNOWN + "'")).isZero();
    }

    private static void send(String topic, String type, String source, String subject, long sequence) {
        Events.send(producer, Events.record(topic, Events.envelope(type, source, subject, sequence), "entry"));
    }

    private static List<Long> effects(TestDatabase db, String subject) {
        try (var connection = db.connections().open();
                var select = connection.prepareStatement(
                        "SELECT sequence FROM test_applied_effect WHERE subject = ? ORDER BY position")) {
            select.setString(1, subject);
            try (var rs = select.executeQuery()) {
                List<Long> sequences = new java.util.ArrayList<>();
                while (rs.next()) {
                    sequences.add(rs.getLong(1));
                }
                return sequences;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
