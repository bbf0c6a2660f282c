package dev.orderflow.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.lab.FaultPoints;
import dev.orderflow.messaging.relay.OutboxRelay;
import dev.orderflow.messaging.testing.ChildJvm;
import dev.orderflow.messaging.testing.CommitThenCrashMain;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.Relays;
import dev.orderflow.messaging.testing.TestDatabase;
import dev.orderflow.infra.TestInfra;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A process dies right after the business commit: with the outbox the event survives; with a dual write it is lost. */
class OutboxCrashTest {

    @Test
    void eventIsPublishedAfterCrashBetweenCommitAndPublish() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.crash-after-commit", 1);
        String order = "order-" + UUID.randomUUID();

        assertThat(crashAfterCommit(db, topic, order, "outbox")).isEqualTo(FaultPoints.HALT_STATUS);
        assertThat(db.queryLong("SELECT count(*) FROM test_business")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM messaging_outbox WHERE published_at IS NULL")).isEqualTo(1);

        // "Restart": a relay comes up and publishes what the dead process committed.
        try (OutboxRelay relay = Relays.inProcess(db, "restarted")) {
            relay.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> Events.readAll(topic).size() == 1);
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> db.queryLong("SELECT count(*) FROM messaging_outbox WHERE published_at IS NOT NULL") == 1);
        }
        var record = Events.readAll(topic).getFirst();
        assertThat(record.key()).isEqualTo(order);
        assertThat(Events.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(order);
        assertThat(Events.header(record, CloudEventHeaders.SEQUENCE)).isEqualTo("1");
        assertThat(Events.header(record, CloudEventHeaders.TYPE)).isEqualTo(Events.TEST_TYPE);
        assertThat(Events.header(record, CloudEventHeaders.ID)).isNotNull();
        assertThat(Events.header(record, CloudEventHeaders.CORRELATION_ID)).isNotNull();
        assertThat(Events.header(record, CloudEventHeaders.CAUSATION_ID)).isNotNull();
    }

    @Test
    void withDualWriteEventIsLostOnCrashBetweenCommitAndPublish() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.dual-write", 1);

        assertThat(crashAfterCommit(db, topic, "order-" + UUID.randomUUID(), "dual-write")).isEqualTo(FaultPoints.HALT_STATUS);

        // The order exists, nothing will ever tell the other services: no outbox row, no record.
        assertThat(db.queryLong("SELECT count(*) FROM test_business")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM messaging_outbox")).isZero();
        assertThat(Events.readAll(topic)).isEmpty();
    }

    private static int crashAfterCommit(TestDatabase db, String topic, String order, String mode) {
        try (ChildJvm child = ChildJvm.start(
                CommitThenCrashMain.class,
                db.jdbcUrl(), db.username(), db.password(), TestInfra.shared().kafkaBootstrapServers(), topic, order, mode)) {
            int status = child.awaitExit(Duration.ofMinutes(1));
            assertThat(child.hasPrinted("COMMITTED")).isTrue();
            return status;
        }
    }
}
