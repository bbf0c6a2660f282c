package dev.orderflow.messaging.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.infra.TestInfra;
import dev.orderflow.messaging.testing.LedgerApp;
import dev.orderflow.messaging.testing.ProxiedInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Ready means the consumers own partitions: a service that answered ready before its consumer group
 * had settled took new orders it could not react to yet (the first demo order waited 5 s for its
 * reservation). {@link ConsumerAssignmentReadinessCheck} reads each consumer's assignment.
 */
@QuarkusTest
@QuarkusTestResource(value = ProxiedInfraResource.class, restrictToAnnotatedClass = false)
class ConsumerReadinessTest {
    /** {@code mp.messaging.incoming.ledger-in.group.id} of the test application. */
    private static final String LEDGER_GROUP = "ledger-service";

    @Inject
    SmallRyeHealthReporter health;

    @Test
    void serviceIsNotReadyWhileItsConsumerOwnsNoPartition() {
        await().atMost(Duration.ofMinutes(2)).until(() -> health.getReadiness().isDown() == false);

        // LedgerApp.TOPIC has 3 partitions. With the range assignor, members sorted by id take one
        // each: three members whose ids sort before the service's ("kafka-consumer-ledger-in-...")
        // leave it none, yet its connection to the broker stays up.
        List<KafkaConsumer<String, byte[]>> members = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                KafkaConsumer<String, byte[]> member = groupMember("0-readiness-test-" + i);
                member.subscribe(List.of(LedgerApp.TOPIC));
                members.add(member);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                members.forEach(m -> m.poll(Duration.ofMillis(100)));
                return members.stream().allMatch(m -> m.assignment().size() == 1) && health.getReadiness().isDown();
            });
        } finally {
            // The members commit nothing: when they leave, the service resumes from its own offsets.
            members.forEach(KafkaConsumer::close);
        }

        await().atMost(Duration.ofMinutes(2)).until(() -> health.getReadiness().isDown() == false);
    }

    private static KafkaConsumer<String, byte[]> groupMember(String clientId) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, LEDGER_GROUP,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        return new KafkaConsumer<>(props);
    }
}
