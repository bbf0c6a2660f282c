package dev.orderflow.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayProducersTest {

    @Test
    void relayAuthenticatesWithTheChannelsSecuritySettingsOnASecuredCluster() {
        Map<String, Object> config = RelayProducers.config("kafka:9092", "order-service-outbox-relay", Map.of(
                "bootstrap.servers", "kafka:9092",
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.location", "/etc/kafka/truststore.p12"));

        assertThat(config).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsKey("sasl.jaas.config");
    }

    @Test
    void connectorSettingsCannotWeakenTheRelaysDeliveryGuarantees() {
        Map<String, Object> config = RelayProducers.config("kafka:9092", "relay", Map.of(
                "acks", "0", "enable.idempotence", "false", "bootstrap.servers", "elsewhere:9092"));

        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("bootstrap.servers", "kafka:9092");
    }
}
