package dev.orderflow.messaging.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.envelope.MessagingHeaders;
import dev.orderflow.messaging.health.MessagingReadinessCheck;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.LedgerApp;
import dev.orderflow.messaging.testing.ProxiedInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** A service's channel (SmallRye Kafka, dead-letter-queue strategy) using the library, on real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = ProxiedInfraResource.class, restrictToAnnotatedClass = false)
class FailureHandlingTest {
    private static final String SOURCE = "/orderflow/test-producer";

    @Inject
    @Readiness
    MessagingReadinessCheck readiness;

    // Straight to PostgreSQL, bypassing the proxy the service uses: the test still sees the database during the cut.
    @ConfigProperty(name = "test.direct.jdbc.url")
    String directJdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void poisonMessageIsDeadLetteredAndPartitionContinues() {
        String poisoned = "ledger-" + UUID.randomUUID();
        String headless = "ledger-" + UUID.randomUUID();
        String healthy = "ledger-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            // All on partition 0, one after the other.
            Events.send(producer, onPartitionZero(Events.record(LedgerApp.TOPIC, Events.envelope(SOURCE, poisoned, 1), "poison")));
            Events.send(producer, new ProducerRecord<>(LedgerApp.TOPIC, 0, headless, "no envelope".getBytes()));
            Events.send(producer, onPartitionZero(Events.record(LedgerApp.TOPIC, Events.envelope(SOURCE, healthy, 1), "fine")));
        }

        await().atMost(Duration.ofMinutes(1)).until(() -> applied(healthy) == 1);
        await().atMost(Duration.ofMinutes(1)).until(() -> deadLetters(poisoned).size() == 1 && deadLetters(headless).size() == 1);

        ConsumerRecord<String, byte[]> poison = deadLetters(poisoned).getFirst();
        assertThat(Events.header(poison, MessagingHeaders.DEAD_LETTER_REASON)).contains("cannot be decoded");
        assertThat(Events.header(poison, MessagingHeaders.DEAD_LETTER_EXCEPTION_CLASS)).isEqualTo(PermanentFailureException.class.getName());
        assertThat(Events.header(poison, MessagingHeaders.DEAD_LETTER_TOPIC)).isEqualTo(LedgerApp.TOPIC);
        assertThat(Events.header(poison, MessagingHeaders.DEAD_LETTER_PARTITION)).isEqualTo("0");
        assertThat(Events.header(poison, MessagingHeaders.DEAD_LETTER_OFFSET)).isNotBlank();
        assertThat(Events.header(poison, MessagingHeaders.DEAD_LETTER_SERVICE)).isEqualTo("ledger-service");
        assertThat(Events.header(poison, MessagingHeaders.DEAD_LETTER_FAILURE)).isEqualTo("PERMANENT");
        assertThat(Events.header(poison, CloudEventHeaders.SUBJECT)).isEqualTo(poisoned);

        ConsumerRecord<String, byte[]> missingHeaders = deadLetters(headless).getFirst();
        assertThat(Events.header(missingHeaders, MessagingHeaders.DEAD_LETTER_REASON)).contains(CloudEventHeaders.SPEC_VERSION);
        assertThat(applied(poisoned)).isZero();
    }

    @Test
    void transientDatabaseOutageLosesNothing() throws InterruptedException {
        int aggregates = 10;
        int eventsEach = 20;
        String prefix = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            sendRounds(producer, prefix, aggregates, 1, eventsEach / 2);
            await().atMost(Duration.ofMinutes(1)).until(() -> appliedWithPrefix(prefix) >= aggregates);

            ProxiedInfraResource.databaseProxy().close(); // the database disappears mid-stream
            sendRounds(producer, prefix, aggregates, eventsEach / 2 + 1, eventsEach);
            await().atMost(Duration.ofMinutes(1)).until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.DOWN);
            Thread.sleep(3000); // keep it down for a few seconds while records keep arriving
            assertThat(appliedWithPrefix(prefix)).isLessThan((long) aggregates * eventsEach);
            ProxiedInfraResource.databaseProxy().open();
        }

        await().atMost(Duration.ofMinutes(3)).until(() -> appliedWithPrefix(prefix) == (long) aggregates * eventsEach);
        await().atMost(Duration.ofMinutes(1)).until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.UP);
        assertThat(query("SELECT count(DISTINCT event_id) FROM test_applied_effect WHERE subject LIKE ?", prefix + "%"))
                .isEqualTo((long) aggregates * eventsEach);
        for (int aggregate = 0; aggregate < aggregates; aggregate++) {
            assertThat(appliedSequences(prefix + aggregate)).as("apply order of " + prefix + aggregate)
                    .isSortedAccordingTo(Long::compare)
                    .hasSize(eventsEach);
        }
    }

    private static ProducerRecord<String, byte[]> onPartitionZero(ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers());
    }

    private static void sendRounds(KafkaProducer<String, byte[]> producer, String prefix, int aggregates, int from, int to) {
        for (int sequence = from; sequence <= to; sequence++) {
            for (int aggregate = 0; aggregate < aggregates; aggregate++) {
                Events.send(producer, Events.record(LedgerApp.TOPIC, Events.envelope(SOURCE, prefix + aggregate, sequence), "entry " + sequence));
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return Events.readAll(LedgerApp.TOPIC + ".dlq").stream().filter(r -> key.equals(r.key())).toList();
    }

    private long applied(String subject) {
        return query("SELECT count(*) FROM test_applied_effect WHERE subject = ?", subject);
    }

    private long appliedWithPrefix(String prefix) {
        return query("SELECT count(*) FROM test_applied_effect WHERE subject LIKE ?", prefix + "%");
    }

    private List<Long> appliedSequences(String subject) {
        try (Connection connection = DriverManager.getConnection(directJdbcUrl, username, password);
                PreparedStatement select = connection.prepareStatement(
                        "SELECT sequence FROM test_applied_effect WHERE subject = ? ORDER BY position")) {
            select.setString(1, subject);
            List<Long> sequences = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sequences.add(rs.getLong(1));
                }
            }
            return sequences;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long query(String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(directJdbcUrl, username, password);
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
