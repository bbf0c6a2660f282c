package dev.orderflow.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.LedgerApp;
import dev.orderflow.messaging.testing.ProxiedInfraResource;
import dev.orderflow.infra.TestInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** `orderflow dlq replay` underneath: a dead letter whose cause was fixed goes back and is applied exactly once. */
@QuarkusTest
@QuarkusTestResource(value = ProxiedInfraResource.class, restrictToAnnotatedClass = false)
class DeadLetterReplayTest {
    private static final String SOURCE = "/orderflow/test-producer";
    private static final String DLQ = DeadLetterTopics.of(LedgerApp.TOPIC);
    private static final Duration READ = Duration.ofSeconds(30);

    @Inject
    MessagingMetrics metrics;

    @ConfigProperty(name = "test.direct.jdbc.url")
    String directJdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void fixedDeadLetterReplayedIsAppliedExactlyOnceAndReplayingItAgainIsANoOp() {
        String subject = "ledger-" + UUID.randomUUID();
        String missing = "account-" + UUID.randomUUID();
        EventEnvelope envelope = Events.envelope(SOURCE, subject, 1);
        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            Events.send(producer, Events.record(LedgerApp.TOPIC, envelope, "requires:" + missing));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> deadLetters(subject).size() == 1);
        assertThat(applied(subject)).isZero();

        try (DeadLetterReplay replay = new DeadLetterReplay(TestInfra.shared().kafkaBootstrapServers())) {
            DeadLetterRecord letter = replay.list(List.of(DLQ), READ).stream()
                    .filter(l -> subject.equals(l.subject())).findFirst().orElseThrow();
            assertThat(letter.eventId()).isEqualTo(envelope.id().toString());
            assertThat(letter.originalTopic()).isEqualTo(LedgerApp.TOPIC);
            assertThat(letter.failure()).isEqualTo("PERMANENT");
            assertThat(letter.reason()).contains(missing);
            assertThat(replay.find(letter.reference(), READ)).get().extracting(DeadLetterRecord::eventId).isEqualTo(letter.eventId());

            // The operator fixes the cause, then replays the dead letter.
            provide(missing);
            replay.replay(letter);
            await().atMost(Duration.ofMinutes(1)).until(() -> applied(subject) == 1);
            assertThat(appliedEventIds(subject)).containsExactly(envelope.id().toString());

            // Replaying it again (or a dead letter already applied) is absorbed by the inbox.
            double duplicatesBefore = metrics.count("orderflow.inbox.duplicates", "consumer", "ledger-service");
            replay.replay(letter);
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> metrics.count("orderflow.inbox.duplicates", "consumer", "ledger-service") > duplicatesBefore);
            assertThat(applied(subject)).isEqualTo(1);
        }
        List<ConsumerRecord<String, byte[]>> replayed = Events.readAll(LedgerApp.TOPIC).stream()
                .filter(r -> subject.equals(r.key())).toList();
        assertThat(replayed).hasSize(3).allSatisfy(r -> {
            assertThat(Events.header(r, CloudEventHeaders.ID)).isEqualTo(envelope.id().toString());
            assertThat(r.headers().lastHeader("dead-letter-reason")).isNull();
        });
        assertThat(replayed.subList(1, 3)).allSatisfy(r ->
                assertThat(Events.header(r, DeadLetterReplay.REPLAYED_FROM)).startsWith(DLQ + ":"));
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return Events.readAll(DLQ).stream().filter(r -> key.equals(r.key())).toList();
    }

    private void provide(String subject) {
        try (Connection connection = DriverManager.getConnection(directJdbcUrl, username, password);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO test_prerequisite (subject) VALUES (?)")) {
            insert.setString(1, subject);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long applied(String subject) {
        return appliedEventIds(subject).size();
    }

    private List<String> appliedEventIds(String subject) {
        try (Connection connection = DriverManager.getConnection(directJdbcUrl, username, password);
                PreparedStatement select = connection.prepareStatement("SELECT event_id::text FROM test_applied_effect WHERE subject = ?")) {
            select.setString(1, subject);
            List<String> ids = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
