package dev.orderflow.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.infra.Ports;
import dev.orderflow.infra.TestInfra;
import dev.orderflow.messaging.jdbc.JdbcTransactionRunner;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.Relays;
import dev.orderflow.messaging.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * While Kafka cannot be reached the relay makes no progress, and says so (readiness reads
 * {@link OutboxRelay#failingSince()}); once the broker answers again the row goes out and the
 * relay reports itself healthy.
 */
class RelayReadinessTest {

    @Test
    void relayReportsItCannotMakeProgressWhileKafkaIsUnreachableAndRecovers() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.relay-readiness", 1);
        new JdbcTransactionRunner(db.connections()).inNewTransaction(connection -> new OutboxWriter("/orderflow/test-service")
                .append(connection, OutboxEvent.of("Order", "order-1", Events.TEST_TYPE, topic, "placed".getBytes(StandardCharsets.UTF_8))));

        // Nothing listens on this port: every producer made while the flag is set cannot reach a broker.
        String nowhere = Ports.LOOPBACK + ":" + Ports.free();
        AtomicBoolean unreachable = new AtomicBoolean(true);
        String broker = TestInfra.shared().kafkaBootstrapServers();
        try (OutboxRelay relay = OutboxRelay.builder("relay-readiness", db.connections(),
                        () -> RelayProducers.create(unreachable.get() ? nowhere : broker, "relay-readiness"))
                .settings(Relays.testSettings(10))
                .build()) {
            relay.start();

            await().atMost(Duration.ofMinutes(2)).until(() -> relay.failingSince() != null);
            assertThat(relay.lastError()).contains("sends to Kafka failed");
            assertThat(db.queryLong("SELECT count(*) FROM messaging_outbox WHERE published_at IS NULL")).isOne();

            unreachable.set(false);

            await().atMost(Duration.ofMinutes(2)).until(() -> relay.failingSince() == null
                    && db.queryLong("SELECT count(*) FROM messaging_outbox WHERE published_at IS NULL") == 0);
        }
        assertThat(Events.readAll(topic)).singleElement().satisfies(record -> assertThat(record.key()).isEqualTo("order-1"));
    }
}
