package dev.orderflow.sandbox.demo;

import dev.orderflow.infra.kafka.KafkaClientSecurity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the events of one aggregate (one Kafka key) from the platform's topics, from the beginning. */
public final class EventReader {
    private final String bootstrapServers;

    public EventReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public record ReceivedEvent(String topic, int partition, long offset, Instant timestamp, Map<String, String> headers,
            byte[] payload) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Polls until {@code expected} events with this key arrived or the timeout passed; returns what came. */
    public List<ReceivedEvent> read(Collection<String> topics, String key, int expected, Duration timeout) {
        List<ReceivedEvent> events = new ArrayList<>();
        try (var consumer = newConsumer()) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key())) {
                        events.add(toEvent(record));
                    }
                }
            }
        }
        return events;
    }

    /**
     * Every event with this key (every event when {@code key} is null) on the topics, read until
     * none arrived for {@code quiet} (or {@code timeout} passed): for a saga whose number of events
     * depends on how a race went, or a dead-letter topic that should be empty.
     */
    public List<ReceivedEvent> readUntilQuiet(Collection<String> topics, String key, Duration quiet, Duration timeout) {
        List<ReceivedEvent> events = new ArrayList<>();
        try (var consumer = newConsumer()) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + timeout.toNanos();
            long lastArrival = System.nanoTime();
            while (System.nanoTime() < deadline && (events.isEmpty() || System.nanoTime() - lastArrival < quiet.toNanos())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key == null || key.equals(record.key())) {
                        events.add(toEvent(record));
                        lastArrival = System.nanoTime();
                    }
                }
            }
        }
        return events;
    }

    /** A throw-away group reading from the beginning, committing nothing. */
    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new java.util.HashMap<>(KafkaClientSecurity.fromEnvironment());
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "orderflow-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static ReceivedEvent toEvent(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new ReceivedEvent(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                headers, record.value());
    }
}
