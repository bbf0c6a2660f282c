package dev.orderflow.infra.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kafka client security settings (security.protocol, sasl.*, ssl.*) from the same environment
 * variables the services read through Quarkus ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, ...),
 * so the CLI's admin and consumer clients reach a secured cluster the services reach.
 */
public final class KafkaClientSecurity {
    private KafkaClientSecurity() {}

    public static Map<String, Object> fromEnvironment() {
        return of(System.getenv());
    }

    /** The same rule Quarkus applies to KAFKA_* variables: lower case, prefix dropped, '_' to '.'. */
    static Map<String, Object> of(Map<String, String> environment) {
        Map<String, Object> settings = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith("KAFKA_") || value == null || value.isBlank()) {
                return;
            }
            String key = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
