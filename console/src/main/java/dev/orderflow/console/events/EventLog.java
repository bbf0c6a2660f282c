package dev.orderflow.console.events;

import dev.orderflow.console.config.KafkaAccess;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The saga's events as the console saw them on the four topics, per order (the record key).
 * It reads through a consumer group of its own that commits nothing: every start reads the topics
 * from the beginning, so what it shows never depends on what it saw before. Headers only: the
 * timeline needs the envelope, not the Avro payload.
 */
@ApplicationScoped
public class EventLog {
    private static final Logger LOG = Logger.getLogger(EventLog.class);
    public static final String GROUP = "orderflow-console";
    /** Orders kept in memory; the oldest are forgotten first. */
    private static final int MAX_ORDERS = 20_000;

    private final KafkaAccess kafka;
    private final Map<String, List<SagaEvent>> byOrder = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<SagaEvent>> eldest) {
            return size() > MAX_ORDERS;
        }
    };
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread reader;

    EventLog(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent startup) {
        running.set(true);
        reader = Thread.ofPlatform().name("console-event-log").daemon().start(this::readForever);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (reader != null) {
            reader.join(Duration.ofSeconds(5));
        }
    }

    /** This order's events in causal order: each after the event that caused it, else by append time. */
    public List<SagaEvent> eventsOf(String orderId) {
        List<SagaEvent> events;
        synchronized (byOrder) {
            events = new ArrayList<>(byOrder.getOrDefault(orderId, List.of()));
        }
        return causalOrder(events);
    }

    static List<SagaEvent> causalOrder(List<SagaEvent> events) {
        List<SagaEvent> byTime = new ArrayList<>(events);
        byTime.sort(Comparator.comparing(SagaEvent::appendedAt).thenComparing(SagaEvent::publishedAt));
        Set<String> ids = new HashSet<>();
        byTime.forEach(e -> ids.add(e.id()));
        List<SagaEvent> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!byTime.isEmpty()) {
            // The earliest event whose cause is already placed (or not an event of this order).
            SagaEvent next = byTime.stream().filter(e -> !ids.contains(e.causationId()) || placed.contains(e.causationId())
                    || e.causationId().equals(e.id())).findFirst().orElse(byTime.getFirst());
            byTime.remove(next);
            ordered.add(next);
            placed.add(next.id());
        }
        return ordered;
    }

    private void readForever() {
        while (running.get()) {
            try (KafkaConsumer<String, byte[]> kafka = newConsumer()) {
                consumer = kafka;
                kafka.subscribe(Topics.ALL);
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                        add(record);
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("reading the topics failed, retrying in 2 s: %s", e.toString());
                sleep();
            }
        }
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        Instant published = Instant.ofEpochMilli(record.timestamp());
        SagaEvent event = new SagaEvent(record.key(), record.topic(), record.partition(), record.offset(),
                appendedAt(headers.get(CloudEventHeaders.TIME), published), published, Map.copyOf(headers));
        synchronized (byOrder) {
            byOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
        }
    }

    private static Instant appendedAt(String ceTime, Instant fallback) {
        try {
            return ceTime == null ? fallback : Instant.parse(ceTime);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> props = kafka.clientSettings(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.CLIENT_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
