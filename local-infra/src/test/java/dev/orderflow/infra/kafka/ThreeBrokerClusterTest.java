package dev.orderflow.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.infra.InfraSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The 3-broker cluster the chaos sandbox uses: replicated topics survive the loss of a broker. */
class ThreeBrokerClusterTest {

    @Test
    void acksAllWritesKeepWorkingAfterOneOfThreeBrokersIsKilled() throws Exception {
        Path state = Path.of("target/three-brokers");
        LocalKafkaCluster.Spec spec = new LocalKafkaCluster.Spec(3, List.of(0, 0, 0), List.of(0, 0, 0),
                state.resolve("data"), state.resolve("logs"), state.resolve("pids"),
                InfraSpec.defaultBinariesDir().resolve("kafka-libs"), state.toAbsolutePath().toString(), true);
        dev.orderflow.infra.LocalInfra.stopRecorded(state);
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(spec)) {
            cluster.createTopic("replicated", 3);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
                var description = admin.describeTopics(List.of("replicated")).allTopicNames().get(30, TimeUnit.SECONDS).get("replicated");
                assertThat(description.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
            try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("replicated", "k", "before")).get(60, TimeUnit.SECONDS);

                cluster.nodes().get(0).kill();

                for (int i = 0; i < 10; i++) {
                    var metadata = producer.send(new ProducerRecord<>("replicated", "k" + i, "after")).get(60, TimeUnit.SECONDS);
                    assertThat(metadata.hasOffset()).isTrue();
                }
            }
        }
    }
}
