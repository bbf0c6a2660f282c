package dev.orderflow.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.jdbc.JdbcTransactionRunner;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.testing.ChildJvm;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.Relays;
import dev.orderflow.messaging.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service both run a relay; the leader is killed (kill -9) midway. Every
 * aggregate's events must still reach Kafka in sequence order (no event ahead of its predecessor)
 * with none missing. Re-sends of rows the dead leader published but had not marked are allowed:
 * they are duplicates (absorbed by the inbox), never reordering.
 */
class TwoRelaysOrderingTest {
    private static final int AGGREGATES = 100;
    private static final int EVENTS_PER_AGGREGATE = 100;
    private static final int TOTAL = AGGREGATES * EVENTS_PER_AGGREGATE;

    @Test
    void eventsOfOneAggregateStayInOrderWithTwoRelays() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.two-relays", 6);
        appendInterleaved(db, topic);

        try (ChildJvm first = Relays.child(db, "relay-a", 50, "none");
                ChildJvm second = Relays.child(db, "relay-b", 50, "none")) {
            await().atMost(Duration.ofMinutes(1)).until(() -> first.hasPrinted("LEADER") || second.hasPrinted("LEADER"));
            ChildJvm leader = first.hasPrinted("LEADER") ? first : second;
            ChildJvm standby = leader == first ? second : first;

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> published(db) >= TOTAL / 4);
            leader.kill();
            long publishedWhenKilled = published(db);
            assertThat(publishedWhenKilled).as("the leader died midway").isLessThan(TOTAL);

            await().atMost(Duration.ofMinutes(1)).until(() -> standby.hasPrinted("LEADER"));
            await().atMost(Duration.ofMinutes(3)).until(() -> published(db) == TOTAL);
        }

        List<ConsumerRecord<String, byte[]>> records = Events.readAll(topic);
        Map<String, Long> highestSeen = new HashMap<>();
        Map<String, Set<Long>> distinct = new HashMap<>();
        List<String> overtakes = new ArrayList<>();
        int duplicates = 0;
        // readAll returns each partition in offset order; one aggregate lives in one partition.
        for (ConsumerRecord<String, byte[]> record : records) {
            long sequence = Long.parseLong(Events.header(record, CloudEventHeaders.SEQUENCE));
            long highest = highestSeen.getOrDefault(record.key(), 0L);
            if (sequence > highest + 1) {
                overtakes.add(record.key() + ": " + sequence + " after " + highest);
            }
            if (!distinct.computeIfAbsent(record.key(), k -> new HashSet<>()).add(sequence)) {
                duplicates++;
            }
            highestSeen.put(record.key(), Math.max(highest, sequence));
        }
        System.out.printf("two relays: %d records for %d events, %d re-sent after the kill%n", records.size(), TOTAL, duplicates);
        assertThat(overtakes).as("events ahead of their predecessor").isEmpty();
        assertThat(distinct).hasSize(AGGREGATES);
        assertThat(distinct.values()).allSatisfy(sequences -> assertThat(sequences).hasSize(EVENTS_PER_AGGREGATE));
    }

    private static long published(TestDatabase db) {
        return db.queryLong("SELECT count(*) FROM messaging_outbox WHERE published_at IS NOT NULL");
    }

    /** Round-robin over the aggregates, so each batch the relay reads mixes many of them. */
    private static void appendInterleaved(TestDatabase db, String topic) {
        OutboxWriter writer = new OutboxWriter("/orderflow/test-service");
        JdbcTransactionRunner transactions = new JdbcTransactionRunner(db.connections());
        for (int round = 0; round < EVENTS_PER_AGGREGATE; round++) {
            int r = round;
            transactions.inNewTransaction(connection -> {
                for (int aggregate = 0; aggregate < AGGREGATES; aggregate++) {
                    writer.append(connection, OutboxEvent.of(
                            "Order", "order-" + aggregate, Events.TEST_TYPE, topic, ("event " + r).getBytes(StandardCharsets.UTF_8)));
                }
                return null;
            });
        }
    }
}
