package dev.orderflow.messaging.testing;

import dev.orderflow.infra.TestInfra;
import dev.orderflow.messaging.lab.FaultBeforeMark;
import dev.orderflow.messaging.lab.FaultPoints;
import dev.orderflow.messaging.jdbc.ConnectionFactory;
import dev.orderflow.messaging.relay.OutboxRelay;
import dev.orderflow.messaging.relay.RelayProducers;
import dev.orderflow.messaging.relay.RelaySettings;
import java.time.Duration;

/** Outbox relays for tests: in this JVM, or as a child process that can be killed. */
public final class Relays {
    private Relays() {}

    public static RelaySettings testSettings(int batchSize) {
        return new RelaySettings(
                batchSize, Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofDays(7), Duration.ofMinutes(10), "orderflow.outbox.relay",
                RelaySettings.DEFAULT_FAILED_ROW_MAX_BACKOFF);
    }

    public static OutboxRelay inProcess(TestDatabase db, String name) {
        return create(name, db.connections(), TestInfra.shared().kafkaBootstrapServers(), 500, FaultPoints.none());
    }

    public static OutboxRelay inProcess(TestDatabase db, String name, RelaySettings settings) {
        String bootstrap = TestInfra.shared().kafkaBootstrapServers();
        return OutboxRelay.builder(name, db.connections(), () -> RelayProducers.create(bootstrap, name))
                .settings(settings)
                .build();
    }

    static OutboxRelay create(String name, ConnectionFactory connections, String bootstrap, int batchSize, FaultPoints faults) {
        // Payloads published unchanged (opaque test payloads): the registry path is SchemaRegistryRuntimeTest's.
        return OutboxRelay.builder(name, connections, () -> RelayProducers.create(bootstrap, name))
                .settings(testSettings(batchSize))
                .decorateStore(store -> new FaultBeforeMark(store, faults))
                .build();
    }

    /** A relay in a child JVM. {@code fault} is a fault point action at after-publish-before-mark (none|halt). */
    public static ChildJvm child(TestDatabase db, String name, int batchSize, String fault) {
        return ChildJvm.start(
                RelayMain.class,
                name,
                db.jdbcUrl(),
                db.username(),
                db.password(),
                TestInfra.shared().kafkaBootstrapServers(),
                Integer.toString(batchSize),
                fault);
    }
}
