package dev.orderflow.messaging.relay;

import dev.orderflow.messaging.config.KafkaSecuritySettings;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The one producer configuration the relay may use. */
public final class RelayProducers {

    public static Map<String, Object> config(String bootstrapServers, String clientId) {
        return config(bootstrapServers, clientId, Map.of());
    }

    /**
     * @param kafkaClientConfig the connector's client settings (Quarkus's {@code default-kafka-broker}
     *     map of {@code kafka.*}); only security.protocol, sasl.* and ssl.* are taken, so the relay
     *     authenticates exactly as the service's channels do while its delivery settings stay its own
     */
    public static Map<String, Object> config(String bootstrapServers, String clientId, Map<String, ?> kafkaClientConfig) {
        Map<String, Object> config = KafkaSecuritySettings.of(kafkaClientConfig);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // acks=all + idempotence: an acknowledged record survives a broker loss and a producer
        // retry never writes it twice or out of order within its partition (max 5 in flight).
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    public static KafkaProducer<String, byte[]> create(String bootstrapServers, String clientId) {
        return create(bootstrapServers, clientId, Map.of());
    }

    public static KafkaProducer<String, byte[]> create(String bootstrapServers, String clientId, Map<String, ?> kafkaClientConfig) {
        return new KafkaProducer<>(config(bootstrapServers, clientId, kafkaClientConfig));
    }

    private RelayProducers() {}
}
