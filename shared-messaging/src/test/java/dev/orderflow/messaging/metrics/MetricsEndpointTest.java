package dev.orderflow.messaging.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.EventTypes;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.LedgerApp;
import dev.orderflow.messaging.testing.ProxiedInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What an operator scrapes from /q/metrics moves when the patterns act: duplicates, dead letters, outbox lag. */
@QuarkusTest
@QuarkusTestResource(value = ProxiedInfraResource.class, restrictToAnnotatedClass = false)
class MetricsEndpointTest {
    private static final String SOURCE = "/orderflow/test-producer";
    private static final String DUPLICATES = "orderflow_inbox_duplicates_total{consumer=\"ledger-service\"}";
    private static final String DEAD_LETTERS =
            "orderflow_dead_letters_total{consumer=\"ledger-service\",failure=\"PERMANENT\",topic=\"" + LedgerApp.TOPIC + "\"}";
    private static final String OUTBOX_AGE = "orderflow_outbox_oldest_age_seconds";
    private static final String OUTBOX_PENDING = "orderflow_outbox_pending";
    private static final String RELAY_LOCK = "orderflow.outbox.relay";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Inject
    LedgerApp.LedgerService ledger;

    @ConfigProperty(name = "test.direct.jdbc.url")
    String directJdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /**
     * Prometheus's increase() over a series that first appears at 1 is 0: a counter missing until its
     * first increment never alerts on the first dead letter. Every documented series is there from the start.
     */
    @Test
    void everyDocumentedCounterIsScrapedPerConsumerTopicAndReasonBeforeItsFirstIncrement() {
        String consumer = "consumer=\"ledger-service\"";
        List<String> expected = new ArrayList<>(List.of(
                "orderflow_outbox_published_total", "orderflow_outbox_publish_failures_total",
                "orderflow_outbox_schema_refused_total{type=\"" + EventTypes.ORDER_PLACED_V1 + "\"}",
                "orderflow_inbox_applied_total{" + consumer + "}", "orderflow_inbox_duplicates_total{" + consumer + "}",
                "orderflow_inbox_stale_total{" + consumer + "}", "orderflow_inbox_released_total{" + consumer + "}",
                "orderflow_consumer_transient_retries_total{" + consumer + "}",
                "orderflow_inbox_parked_total{" + consumer + ",reason=\"GAP\"}",
                "orderflow_inbox_parked_total{" + consumer + ",reason=\"PREREQUISITE\"}"));
        for (String failure : List.of("PERMANENT", "GAP_TIMEOUT", "PREREQUISITE_TIMEOUT")) {
            expected.add("orderflow_dead_letters_total{" + consumer + ",failure=\"" + failure + "\",topic=\"" + LedgerApp.TOPIC + "\"}");
        }
        Set<String> scraped = scrapeSeries();
        assertThat(scraped).containsAll(expected);
    }

    @Test
    void duplicateCounterRisesWhenADuplicateIsDelivered() {
        EventEnvelope envelope = Events.envelope(SOURCE, "ledger-" + UUID.randomUUID(), 1);
        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            Events.send(producer, Events.record(LedgerApp.TOPIC, envelope, "entry"));
            await().atMost(Duration.ofMinutes(1)).until(() -> applied(envelope.subject()) == 1);
            double before = scrape(DUPLICATES);

            Events.send(producer, Events.record(LedgerApp.TOPIC, envelope, "entry")); // redelivered, same ce_id

            await().atMost(Duration.ofMinutes(1)).until(() -> scrape(DUPLICATES) == before + 1);
        }
        assertThat(applied(envelope.subject())).isEqualTo(1);
    }

    @Test
    void deadLetterCounterRisesForAPoisonMessagePerTopicAndFailure() {
        double before = scrape(DEAD_LETTERS);
        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            Events.send(producer, Events.record(LedgerApp.TOPIC, Events.envelope(SOURCE, "ledger-" + UUID.randomUUID(), 1), "poison"));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> scrape(DEAD_LETTERS) == before + 1);
    }

    @Test
    void outboxAgeRisesDuringARelayOutageAndFallsBackToZeroAfterIt() throws SQLException {
        await().atMost(Duration.ofMinutes(1)).until(() -> scrape(OUTBOX_PENDING) == 0);
        String ledgerId = "ledger-" + UUID.randomUUID();
        try (Connection stuckLeader = DriverManager.getConnection(directJdbcUrl, username, password)) {
            // The outage: the relay loses its leader lock to a session that never publishes (a hung leader).
            takeLeaderLock(stuckLeader);
            ledger.open(ledgerId, false);
            await().atMost(Duration.ofMinutes(1)).until(() -> scrape(OUTBOX_AGE) >= 1 && scrape(OUTBOX_PENDING) >= 1);
            assertThat(published(ledgerId)).isFalse();
        } // the hung leader's session ends: the relay takes over

        await().atMost(Duration.ofMinutes(1)).until(() -> published(ledgerId));
        await().atMost(Duration.ofMinutes(1)).until(() -> scrape(OUTBOX_AGE) == 0 && scrape(OUTBOX_PENDING) == 0);
    }

    /** Ends the relay's lock session until this connection holds the lock (the relay retries every 200 ms). */
    private static void takeLeaderLock(Connection connection) throws SQLException {
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            try (PreparedStatement kill = connection.prepareStatement("""
                    SELECT pg_terminate_backend(l.pid) FROM pg_locks l
                    WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()
                      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())""")) {
                kill.execute();
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
                lock.setString(1, RELAY_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /** Every series name with its labels, e.g. {@code orderflow_inbox_stale_total{consumer="ledger-service"}}. */
    private Set<String> scrapeSeries() {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.substring(0, line.lastIndexOf(' ')))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double scrape(String series) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + "\\s+([0-9.Ee+-]+)$").matcher(body);
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean published(String aggregateId) {
        return query("SELECT count(*) FROM messaging_outbox WHERE aggregate_id = ? AND published_at IS NOT NULL", aggregateId) == 1;
    }

    private long applied(String subject) {
        return query("SELECT count(*) FROM test_applied_effect WHERE subject = ?", subject);
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
