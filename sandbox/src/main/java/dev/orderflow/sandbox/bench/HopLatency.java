package dev.orderflow.sandbox.bench;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.Topics;
import dev.orderflow.sandbox.demo.EventReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Where an event spends its time between services, from the events' own timestamps: appended
 * ({@code ce_time}, inside the producing transaction) → published (the Kafka record's timestamp, set
 * by the relay's producer at send) → consumed (the consumer's inbox row, written at the start of its
 * transaction).
 */
final class HopLatency {
    private HopLatency() {}

    /** One event as it travelled: its id, type and the first two timestamps. */
    record Sent(UUID eventId, String type, Instant appended, Instant published) {}

    /**
     * @param consumerDatabases consumer name (service) → JDBC URL of its database
     */
    static List<BenchReport.Hop> measure(String bootstrapServers, Collection<UUID> orderIds, Map<String, String> consumerDatabases,
            String user, String password) throws SQLException {
        Set<String> keys = new HashSet<>();
        orderIds.forEach(id -> keys.add(id.toString()));
        List<Sent> sent = new ArrayList<>();
        for (EventReader.ReceivedEvent event : new EventReader(bootstrapServers)
                .readUntilQuiet(Topics.ALL, null, Duration.ofSeconds(3), Duration.ofSeconds(120))) {
            String subject = event.header(CloudEventHeaders.SUBJECT);
            if (subject != null && keys.contains(subject)) {
                sent.add(new Sent(UUID.fromString(event.header(CloudEventHeaders.ID)), shortType(event.header(CloudEventHeaders.TYPE)),
                        Instant.parse(event.header(CloudEventHeaders.TIME)), event.timestamp()));
            }
        }
        Map<UUID, Sent> byId = new HashMap<>();
        sent.forEach(s -> byId.put(s.eventId(), s));
        Map<String, List<Duration>> appendedToPublished = new TreeMap<>();
        sent.forEach(s -> appendedToPublished.computeIfAbsent(s.type(), t -> new ArrayList<>())
                .add(Duration.between(s.appended(), s.published())));
        Map<String, Map<String, List<Duration>>> publishedToConsumed = new TreeMap<>();
        for (Map.Entry<String, String> consumer : consumerDatabases.entrySet()) {
            try (Connection db = DriverManager.getConnection(consumer.getValue(), user, password);
                    PreparedStatement select = db.prepareStatement(
                            "SELECT event_id, received_at FROM messaging_inbox WHERE event_id = ANY (?)")) {
                select.setArray(1, db.createArrayOf("uuid", byId.keySet().toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Sent s = byId.get(rs.getObject(1, UUID.class));
                        publishedToConsumed.computeIfAbsent(s.type(), t -> new TreeMap<>())
                                .computeIfAbsent(consumer.getKey(), c -> new ArrayList<>())
                                .add(Duration.between(s.published(), rs.getTimestamp(2).toInstant()));
                    }
                }
            }
        }
        List<BenchReport.Hop> hops = new ArrayList<>();
        appendedToPublished.forEach((type, published) -> {
            LatencySummary relay = LatencySummary.of(published);
            publishedToConsumed.getOrDefault(type, Map.of()).forEach((consumer, consumed) ->
                    hops.add(new BenchReport.Hop(type, consumer, relay, LatencySummary.of(consumed))));
        });
        return hops;
    }

    /** {@code dev.orderflow.order.OrderPlaced.v1} → {@code OrderPlaced.v1}. */
    static String shortType(String ceType) {
        if (ceType == null) {
            return "?";
        }
        String[] parts = ceType.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : ceType;
    }
}
