package dev.orderflow.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.jdbc.JdbcTransactionRunner;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.Relays;
import dev.orderflow.messaging.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The broker really rejects one outbox row: its record is larger than the topic's
 * {@code max.message.bytes}. That row must hold back the later rows of its own aggregate (publishing
 * them would put events on the topic ahead of their predecessor), record why it is stuck, and not
 * hold back any other aggregate. Once an operator raises the topic's limit, the row and everything
 * behind it go out in sequence order.
 */
class FailedSendOrderingTest {
    private static final int TOPIC_MAX_MESSAGE_BYTES = 64 * 1024; // above the producer's 16 KiB batches
    private static final int OTHER_AGGREGATES = 10;
    private static final int EVENTS_PER_AGGREGATE = 20;
    private static final String STUCK = "order-stuck";
    private static final long REJECTED_SEQUENCE = 2;

    @Test
    void failedSendDoesNotLetALaterEventOfTheAggregateOvertakeIt() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.failed-send", 3, Map.of("max.message.bytes", Integer.toString(TOPIC_MAX_MESSAGE_BYTES)));
        appendInterleaved(db, topic);

        // Small batches: the stuck aggregate's later rows alone would fill a batch window.
        RelaySettings settings = Relays.testSettings(5).withFailedRowMaxBackoff(Duration.ofSeconds(2));
        try (OutboxRelay relay = Relays.inProcess(db, "relay-failed-send", settings)) {
            relay.start();

            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                assertThat(unpublished(db, "aggregate_id <> '" + STUCK + "'")).as("other aggregates keep flowing").isZero();
                assertThat(db.queryLong("SELECT attempts FROM messaging_outbox WHERE aggregate_id = '" + STUCK
                                + "' AND sequence = " + REJECTED_SEQUENCE))
                        .as("the rejected row is retried")
                        .isGreaterThanOrEqualTo(2);
            });
            assertThat(db.queryLong("SELECT count(*) FROM messaging_outbox WHERE aggregate_id = '" + STUCK + "' AND sequence = "
                            + REJECTED_SEQUENCE + " AND last_error LIKE '%RecordTooLargeException%'"))
                    .as("last_error says why the row is stuck")
                    .isOne();
            assertThat(unpublished(db, "aggregate_id = '" + STUCK + "'"))
                    .as("the rejected row and every later row of its aggregate stay unpublished")
                    .isEqualTo(EVENTS_PER_AGGREGATE - REJECTED_SEQUENCE + 1);
            assertThat(sequencesOnTopic(topic).get(STUCK))
                    .as("nothing of the stuck aggregate after the rejected row reached the topic")
                    .containsOnly(1L);

            Events.setTopicConfig(topic, "max.message.bytes", Integer.toString(1024 * 1024));

            await().atMost(Duration.ofMinutes(2)).until(() -> unpublished(db, "true") == 0);
        }

        Map<String, List<Long>> sequences = sequencesOnTopic(topic);
        assertThat(sequences).hasSize(OTHER_AGGREGATES + 1);
        sequences.forEach((aggregate, seen) -> {
            long highest = 0;
            for (long sequence : seen) {
                assertThat(sequence).as("%s: %d must not come before %d", aggregate, sequence, highest + 1).isLessThanOrEqualTo(highest + 1);
                highest = Math.max(highest, sequence);
            }
            assertThat(highest).as(aggregate + " complete").isEqualTo(EVENTS_PER_AGGREGATE);
        });
    }

    private static long unpublished(TestDatabase db, String condition) {
        return db.queryLong("SELECT count(*) FROM messaging_outbox WHERE published_at IS NULL AND " + condition);
    }

    /** Per aggregate, the sequences in topic order (one aggregate lives in one partition). */
    private static Map<String, List<Long>> sequencesOnTopic(String topic) {
        Map<String, List<Long>> sequences = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : Events.readAll(topic)) {
            sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(Long.parseLong(Events.header(record, CloudEventHeaders.SEQUENCE)));
        }
        return sequences;
    }

    /** Round-robin over the aggregates; the stuck aggregate's second event is four times the topic's limit. */
    private static void appendInterleaved(TestDatabase db, String topic) {
        OutboxWriter writer = new OutboxWriter("/orderflow/test-service");
        JdbcTransactionRunner transactions = new JdbcTransactionRunner(db.connections());
        for (int round = 1; round <= EVENTS_PER_AGGREGATE; round++) {
            int r = round;
            transactions.inNewTransaction(connection -> {
                byte[] stuckPayload = r == REJECTED_SEQUENCE
                        ? new byte[4 * TOPIC_MAX_MESSAGE_BYTES]
                        : ("event " + r).getBytes(StandardCharsets.UTF_8);
                writer.append(connection, OutboxEvent.of("Order", STUCK, Events.TEST_TYPE, topic, stuckPayload));
                for (int aggregate = 0; aggregate < OTHER_AGGREGATES; aggregate++) {
                    writer.append(connection, OutboxEvent.of(
                            "Order", "order-" + aggregate, Events.TEST_TYPE, topic, ("event " + r).getBytes(StandardCharsets.UTF_8)));
                }
                return null;
            });
        }
    }
}
