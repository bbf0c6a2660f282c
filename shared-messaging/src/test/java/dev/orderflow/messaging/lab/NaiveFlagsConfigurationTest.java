package dev.orderflow.messaging.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.LedgerApp;
import dev.orderflow.messaging.testing.ProxiedInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The naive flags the chaos sandbox flips are real: set only through {@code orderflow.messaging.naive.*}
 * configuration keys (no code passes a {@link NaiveMode}), a Quarkus service built like the real
 * ones loses an event, applies a duplicate twice and applies a gap out of order — the failures
 * each pattern prevents (the same scenarios with the flags off are the pattern tests).
 */
@QuarkusTest
@TestProfile(NaiveFlagsConfigurationTest.AllNaiveFlagsOn.class)
@QuarkusTestResource(value = ProxiedInfraResource.class, restrictToAnnotatedClass = false)
class NaiveFlagsConfigurationTest {
    private static final String SOURCE = "/orderflow/test-producer";

    /** What the sandbox sets: every pattern off, plus a failure right after the business commit. */
    public static class AllNaiveFlagsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "orderflow.messaging.naive.dual-write", "true",
                    "orderflow.messaging.naive.no-inbox", "true",
                    "orderflow.messaging.naive.no-sequence-checks", "true",
                    "orderflow.messaging.faults.after-commit-before-publish", "fail",
                    // No relay: whatever reaches the topic was published by the dual write.
                    "orderflow.messaging.relay.enabled", "false");
        }
    }

    @Inject
    LedgerApp.LedgerService ledgers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void dualWriteFlagFromConfigurationLosesTheEventOfACommittedUseCase() {
        String lost = "ledger-" + UUID.randomUUID();
        String published = "ledger-" + UUID.randomUUID();

        // The fault point fails the first publish after the commit (once per process).
        catchThrowable(() -> ledgers.open(lost, false));
        EventEnvelope sent = ledgers.open(published, false);

        await().atMost(Duration.ofMinutes(1)).until(() -> onTopic(published) == 1);
        assertThat(query("SELECT count(*) FROM test_business WHERE id = ?", lost)).as("the use case committed").isOne();
        assertThat(query("SELECT count(*) FROM messaging_outbox WHERE aggregate_id = ?", lost)).as("no outbox row to recover from").isZero();
        assertThat(query("SELECT count(*) FROM messaging_outbox WHERE aggregate_id = ?", published)).isZero();
        assertThat(onTopic(lost)).as("the event of the committed order is lost").isZero();
        assertThat(sent.sequence()).isOne();
    }

    @Test
    void noInboxFlagFromConfigurationAppliesADuplicateDeliveryTwice() {
        String ledger = "ledger-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> record = Events.record(LedgerApp.TOPIC, Events.envelope(SOURCE, ledger, 1), "once");
        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            Events.send(producer, record);
            Events.send(producer, record);
        }

        await().atMost(Duration.ofMinutes(1)).until(() -> applied(ledger).size() == 2);
        assertThat(query("SELECT count(DISTINCT event_id) FROM test_applied_effect WHERE subject = ?", ledger))
                .as("one event, two effects")
                .isOne();
    }

    @Test
    void noSequenceChecksFlagFromConfigurationAppliesAGapOutOfOrder() {
        String ledger = "ledger-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            // Same key, same partition: 2 arrives before 1.
            Events.send(producer, Events.record(LedgerApp.TOPIC, Events.envelope(SOURCE, ledger, 2), "second"));
            Events.send(producer, Events.record(LedgerApp.TOPIC, Events.envelope(SOURCE, ledger, 1), "first"));
        }

        await().atMost(Duration.ofMinutes(1)).until(() -> applied(ledger).size() == 2);
        assertThat(applied(ledger)).as("applied in arrival order, not parked").containsExactly(2L, 1L);
    }

    private static long onTopic(String key) {
        return Events.readAll(LedgerApp.TOPIC).stream().filter(r -> key.equals(r.key())).count();
    }

    private List<Long> applied(String subject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT sequence FROM test_applied_effect WHERE subject = ? ORDER BY position")) {
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
        try (Connection connection = dataSource.getConnection();
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
