package dev.orderflow.console.chaos;

import dev.orderflow.console.config.KafkaAccess;
import dev.orderflow.console.platform.PlatformClient;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One fault against the running platform, through its public surfaces: a poison record on a topic
 * (what a broken producer would publish), or the payment provider's own fault switches (its admin
 * API). The chaos sandbox's faults need the platform it starts (proxies, forwarders), so the
 * console offers only these two here and runs everything else through `orderflow chaos`.
 */
@ApplicationScoped
public class SingleFaults {
    private final KafkaAccess kafka;
    private final PlatformClient platform;

    SingleFaults(KafkaAccess kafka, PlatformClient platform) {
        this.kafka = kafka;
        this.platform = platform;
    }

    /** What a poison record was: its event id and order key, for the dead-letter page. */
    public record Poison(String eventId, String orderId, String topic) {}

    /**
     * An {@code OrderPlaced} envelope (new event id, new order) around a payload no contract decodes:
     * every consumer of orders.events must dead-letter it and go on.
     */
    public Poison poisonOrderPlaced() {
        String eventId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        Map<String, Object> props = kafka.clientSettings(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, "orderflow-console-poison"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDERS, orderId,
                    "poison from the orderflow console: not an OrderPlaced".getBytes(StandardCharsets.UTF_8));
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            header(record, CloudEventHeaders.ID, eventId);
            header(record, CloudEventHeaders.SOURCE, "/orderflow/console");
            header(record, CloudEventHeaders.TYPE, EventTypes.ORDER_PLACED_V1);
            header(record, CloudEventHeaders.SUBJECT, orderId);
            header(record, CloudEventHeaders.TIME, Instant.now().toString());
            header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.AVRO_BINARY);
            header(record, CloudEventHeaders.SEQUENCE, "1");
            header(record, CloudEventHeaders.CORRELATION_ID, orderId);
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish the poison record: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new Poison(eventId, orderId, Topics.ORDERS);
    }

    /** The provider's fault switches (0 to heal); returns what the provider now answers. */
    public PlatformClient.Reply providerFaults(double errorRate, long latencyMs, double chargeThenTimeoutRate, double unauthorizedRate) {
        return platform.setProviderFaults(String.format(Locale.ROOT,
                "{\"errorRate\": %.2f, \"latencyMs\": %d, \"chargeThenTimeoutRate\": %.2f, \"unauthorizedRate\": %.2f}",
                errorRate, latencyMs, chargeThenTimeoutRate, unauthorizedRate));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
