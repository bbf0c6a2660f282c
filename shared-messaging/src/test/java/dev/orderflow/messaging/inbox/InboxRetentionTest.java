package dev.orderflow.messaging.inbox;

import dev.orderflow.messaging.consumer.ConsumeResult;
import dev.orderflow.messaging.consumer.ConsumerSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.ProcessorHarness;
import dev.orderflow.messaging.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Inbox rows are deleted after a retention, so the table does not grow forever. A redelivery
 * older than the retention must still not be applied twice (the per-aggregate sequence catches it
 * as stale), and the inbox row of an event that is still parked must survive.
 */
class InboxRetentionTest {
    private static final String SOURCE = "/orderflow/test-producer";
    private static final Duration RETENTION = Duration.ofDays(30);

    @Test
    void redeliveryOlderThanTheInboxRetentionIsStillNotAppliedTwice() throws SQLException {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.inbox-retention", 1);
        String applied = "order-" + UUID.randomUUID();
        String recent = "order-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> first = Events.record(topic, Events.envelope(SOURCE, applied, 1), "first");
        ProducerRecord<String, byte[]> early = Events.record(topic, Events.envelope(SOURCE, applied, 3), "third, before the second");
        EventEnvelope recentEnvelope = Events.envelope(SOURCE, recent, 1);

        try (KafkaProducer<String, byte[]> producer = Events.producer();
                ProcessorHarness harness = new ProcessorHarness(db, topic, ConsumerSettings.defaults("test-service"))) {
            Events.send(producer, first);
            Events.send(producer, early);
            harness.pumpUntil(() -> harness.results.size() == 2);
            assertThat(harness.results).extracting(ConsumeResult::outcome).containsExactly(Outcome.APPLIED, Outcome.PARKED);

            // Forty days pass; then one more event arrives.
            db.execute("UPDATE messaging_inbox SET received_at = now() - interval '40 days'");
            Events.send(producer, Events.record(topic, recentEnvelope, "recent"));
            harness.pumpUntil(() -> harness.results.size() == 3);

            try (Connection connection = db.connections().open()) {
                assertThat(Inbox.deleteOlderThan(connection, RETENTION)).as("only the old, applied event's row").isOne();
            }
            assertThat(db.queryLong("SELECT count(*) FROM messaging_inbox")).as("parked and recent rows kept").isEqualTo(2);
            assertThat(db.queryLong("SELECT last_sequence FROM messaging_consumer_stream WHERE subject = '" + applied + "'"))
                    .as("the last applied sequence is kept")
                    .isOne();

            // The broker redelivers both old events (e.g. a consumer group reset).
            Events.send(producer, first);
            Events.send(producer, early);
            harness.pumpUntil(() -> harness.results.size() == 5);
            assertThat(harness.results.subList(3, 5))
                    .extracting(ConsumeResult::outcome)
                    .as("the first a duplicate by its sequence, the last applied one (its inbox row is gone),"
                            + " the parked one by its inbox row")
                    .containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE);
        }
        assertThat(db.queryLong("SELECT count(*) FROM test_applied_effect WHERE subject = '" + applied + "'"))
                .as("applied once")
                .isOne();
        assertThat(db.queryLong("SELECT count(*) FROM messaging_parked_event")).as("still parked once").isOne();
    }
}
