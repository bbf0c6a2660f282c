package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The infrastructure tests run against is the real thing, not an imitation. */
class RealInfrastructureTest {

    private final RunningInfra infra = TestInfra.shared();

    @Test
    void kafkaAcknowledgesWithAllReplicasAndServesTheRecordToAConsumer() throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        infra.createTopic(topic, 3);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        RecordMetadata metadata;
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            metadata = producer.send(new ProducerRecord<>(topic, "order-1", "placed")).get();
        }
        assertThat(metadata.offset()).isZero();

        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("order-1");
            assertThat(record.value()).isEqualTo("placed");
            assertThat(record.partition()).isEqualTo(metadata.partition());
        });
    }

    @Test
    void postgresAppliesAMigrationAndARowCommittedIsVisibleFromAnotherConnection() throws Exception {
        String database = "probe_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        infra.createDatabase(database);
        var result = Flyway.configure()
                .dataSource(infra.jdbcUrl(database), infra.username(), infra.password())
                .locations("classpath:db/probe")
                .load()
                .migrate();
        assertThat(result.migrationsExecuted).isEqualTo(1);

        try (Connection writer = DriverManager.getConnection(infra.jdbcUrl(database), infra.username(), infra.password())) {
            writer.setAutoCommit(false);
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO probe (id, note) VALUES (?, ?)")) {
                insert.setLong(1, 42);
                insert.setString(2, "committed");
                insert.executeUpdate();
            }
            try (Connection reader = DriverManager.getConnection(infra.jdbcUrl(database), infra.username(), infra.password())) {
                assertThat(count(reader)).as("uncommitted row is invisible to another session").isZero();
                writer.commit();
                assertThat(count(reader)).isEqualTo(1);
                assertThat(reader.createStatement().executeQuery("SELECT version()")).satisfies(rs -> {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).startsWith("PostgreSQL");
                });
            }
        }
    }

    @Test
    void registryServesItsApi() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(infra.registryUrl() + "/system/info")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Apicurio Registry");
    }

    private static int count(Connection connection) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM probe")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
