package dev.orderflow.console.config;

import dev.orderflow.messaging.config.KafkaSecuritySettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How the console's own Kafka clients reach the cluster: its bootstrap address plus the same client security
 * settings the services use (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*, which Quarkus collects into
 * the {@code default-kafka-broker} map), so the console works against a secured Kafka too.
 */
@ApplicationScoped
public class KafkaAccess {
    private final ConsoleConfig config;
    private final Map<String, Object> security;

    KafkaAccess(ConsoleConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.security = KafkaSecuritySettings.of(kafka);
    }

    public String bootstrap() {
        return config.kafkaBootstrap();
    }

    /** Only the security settings (for clients that take the bootstrap address apart). */
    public Map<String, Object> security() {
        return Map.copyOf(security);
    }

    /** Bootstrap and security settings plus the client's own. */
    public Map<String, Object> clientSettings(Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(security);
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        settings.putAll(own);
        return settings;
    }
}
