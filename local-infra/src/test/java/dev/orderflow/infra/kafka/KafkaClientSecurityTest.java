package dev.orderflow.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    @Test
    void cliClientsReadTheSameSecurityVariablesAsTheServicesSoTheyReachASecuredCluster() {
        Map<String, Object> settings = KafkaClientSecurity.of(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\" password=\"b\";",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12"));

        assertThat(settings).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsKey("sasl.jaas.config");
    }

    @Test
    void otherKafkaVariablesNeverOverrideTheCliClientsOwnSettings() {
        Map<String, Object> settings = KafkaClientSecurity.of(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092",
                "KAFKA_ACKS", "0",
                "KAFKA_SECURITY_PROTOCOL", " ",
                "PATH", "/usr/bin"));

        assertThat(settings).isEmpty();
    }
}
