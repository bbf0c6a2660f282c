package dev.orderflow.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.LedgerApp;
import dev.orderflow.messaging.testing.ProxiedInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ProxiedInfraResource.class, restrictToAnnotatedClass = false)
class OutboxTest {

    @Inject
    LedgerApp.LedgerService ledgers;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void outboxRowRollsBackWithBusinessTransaction() {
        String ledger = "ledger-" + UUID.randomUUID();

        assertThatThrownBy(() -> ledgers.open(ledger, true)).isInstanceOf(IllegalStateException.class);

        assertThat(count("SELECT count(*) FROM test_business WHERE id = ?", ledger)).isZero();
        assertThat(count("SELECT count(*) FROM messaging_outbox WHERE aggregate_id = ?", ledger)).isZero();
        // The sequence increment rolled back too: the next event of this aggregate is number 1, no gap.
        assertThat(ledgers.open(ledger, false).sequence()).isEqualTo(1);
    }

    @Test
    void appendOutsideATransactionIsRejected() {
        assertThatThrownBy(() -> outbox.append(OutboxEvent.of("Ledger", "x", Events.TEST_TYPE, LedgerApp.TOPIC, new byte[0])))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void committedEventIsPublishedByTheRelayWithItsEnvelope() {
        String ledger = "ledger-" + UUID.randomUUID();
        EventEnvelope first = ledgers.open(ledger + "-a", false);
        EventEnvelope sent = ledgers.open(ledger, false);

        await().atMost(Duration.ofMinutes(1))
                .until(() -> count("SELECT count(*) FROM messaging_outbox WHERE aggregate_id = ? AND published_at IS NOT NULL", ledger) == 1);
        var record = Events.readAll(LedgerApp.TOPIC).stream()
                .filter(r -> sent.id().toString().equals(Events.header(r, CloudEventHeaders.ID)))
                .findFirst()
                .orElseThrow();
        assertThat(record.key()).isEqualTo(ledger);
        assertThat(Events.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/orderflow/ledger-service");
        assertThat(Events.header(record, CloudEventHeaders.SEQUENCE)).isEqualTo("1");
        assertThat(Events.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        // A root event (no event being handled) starts its own correlation and is its own cause.
        assertThat(Events.header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo(sent.id().toString());
        assertThat(Events.header(record, CloudEventHeaders.CAUSATION_ID)).isEqualTo(sent.id().toString());
        assertThat(first.id()).isNotEqualTo(sent.id());
    }

    private long count(String sql, String parameter) {
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
