package dev.orderflow.messaging.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The client security part of a Kafka configuration: security.protocol, sasl.* and ssl.*. Clients that keep their
 * own delivery settings (the relay's producer, the console's clients) take only these from Quarkus's
 * {@code default-kafka-broker} map, so they authenticate exactly as the service's channels do.
 */
public final class KafkaSecuritySettings {
    private KafkaSecuritySettings() {}

    public static Map<String, Object> of(Map<String, ?> kafkaClientConfig) {
        Map<String, Object> security = new HashMap<>();
        kafkaClientConfig.forEach((key, value) -> {
            if (key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                security.put(key, value);
            }
        });
        return security;
    }
}
