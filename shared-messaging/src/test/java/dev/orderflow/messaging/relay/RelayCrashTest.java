package dev.orderflow.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.lab.FaultPoints;
import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.consumer.ConsumerSettings;
import dev.orderflow.messaging.jdbc.JdbcTransactionRunner;
import dev.orderflow.messaging.lab.NaiveMode;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.testing.ChildJvm;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.ProcessorHarness;
import dev.orderflow.messaging.testing.Relays;
import dev.orderflow.messaging.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay dies after the broker acknowledged but before it marked the row: the restarted relay
 * publishes the row again. The inbox makes the duplicate harmless; without it, it is applied twice.
 */
class RelayCrashTest {

    @Test
    void duplicatePublishAfterCrashBeforeMarkIsAppliedOnce() {
        Setup setup = publishTwiceAcrossACrash();
        try (ProcessorHarness harness = new ProcessorHarness(setup.db, setup.topic, ConsumerSettings.defaults("test-service"))) {
            harness.pumpUntil(() -> harness.results.size() == 2);
            assertThat(harness.outcomes(Outcome.APPLIED)).isEqualTo(1);
            assertThat(harness.outcomes(Outcome.DUPLICATE)).isEqualTo(1);
        }
        assertThat(setup.db.queryLong("SELECT count(*) FROM test_applied_effect")).isEqualTo(1);
    }

    @Test
    void withoutInboxAndSequenceChecksDuplicatePublishIsAppliedTwice() {
        Setup setup = publishTwiceAcrossACrash();
        NaiveMode naive = new NaiveMode(false, true, true);
        try (ProcessorHarness harness = new ProcessorHarness(setup.db, setup.topic, ConsumerSettings.defaults("test-service"), naive)) {
            harness.pumpUntil(() -> harness.results.size() == 2);
        }
        assertThat(setup.db.queryLong("SELECT count(*) FROM test_applied_effect")).isEqualTo(2);
    }

    private record Setup(TestDatabase db, String topic) {}

    private static Setup publishTwiceAcrossACrash() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.crash-before-mark", 1);
        OutboxWriter writer = new OutboxWriter("/orderflow/test-service");
        new JdbcTransactionRunner(db.connections()).inNewTransaction(connection -> writer.append(connection, OutboxEvent.of(
                "Order", "order-" + UUID.randomUUID(), Events.TEST_TYPE, topic, "paid".getBytes(StandardCharsets.UTF_8))));

        try (ChildJvm relay = Relays.child(db, "doomed", 100, "halt")) {
            assertThat(relay.awaitExit(Duration.ofMinutes(1))).isEqualTo(FaultPoints.HALT_STATUS);
        }
        assertThat(Events.readAll(topic)).hasSize(1);
        assertThat(db.queryLong("SELECT count(*) FROM messaging_outbox WHERE published_at IS NULL")).isEqualTo(1);

        try (OutboxRelay relay = Relays.inProcess(db, "restarted")) {
            relay.start();
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> db.queryLong("SELECT count(*) FROM messaging_outbox WHERE published_at IS NULL") == 0);
        }
        var records = Events.readAll(topic);
        assertThat(records).hasSize(2);
        assertThat(Events.header(records.get(0), CloudEventHeaders.ID)).isEqualTo(Events.header(records.get(1), CloudEventHeaders.ID));
        return new Setup(db, topic);
    }
}
