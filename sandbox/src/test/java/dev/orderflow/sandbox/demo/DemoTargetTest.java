package dev.orderflow.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTargetTest {

    @Test
    void composeMeansThePortsDockerComposePublishesOnLoopbackWithTheSameOverridesAsTheFile() {
        DemoTarget defaults = DemoTarget.parse("compose", name -> null);
        assertThat(defaults.endpoints().order()).isEqualTo("http://127.0.0.1:8081");
        assertThat(defaults.endpoints().provider()).isEqualTo("http://127.0.0.1:8090");
        assertThat(defaults.kafka()).isEqualTo("127.0.0.1:19092");

        DemoTarget moved = DemoTarget.parse("compose", Map.of("ORDERFLOW_SHIPPING_PORT", "28084", "ORDERFLOW_KAFKA_PORT", "29092")::get);
        assertThat(moved.endpoints().shipping()).isEqualTo("http://127.0.0.1:28084");
        assertThat(moved.kafka()).isEqualTo("127.0.0.1:29092");
    }

    @Test
    void anExplicitTargetNamesEveryServiceAndKafka() {
        DemoTarget target = DemoTarget.parse("order=https://o.example,inventory=http://i:1,payment=http://p:2,"
                + "shipping=http://s:3,provider=http://pr:4,kafka=broker:9093", name -> null);
        assertThat(target.endpoints().order()).isEqualTo("https://o.example");
        assertThat(target.endpoints().payment()).isEqualTo("http://p:2");
        assertThat(target.kafka()).isEqualTo("broker:9093");
    }

    @Test
    void aTargetMissingAServiceIsRefusedNamingWhatIsMissingInsteadOfFailingMidDemo() {
        assertThatThrownBy(() -> DemoTarget.parse("order=http://o:1,kafka=b:9092", name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing inventory, payment, shipping, provider");
    }

    @Test
    void unknownKeysMalformedPairsAndNonHttpUrlsAreRefused() {
        assertThatThrownBy(() -> DemoTarget.parse("orders=http://o:1", name -> null)).hasMessageContaining("unknown key 'orders'");
        assertThatThrownBy(() -> DemoTarget.parse("compose-ish", name -> null)).hasMessageContaining("is not key=value");
        assertThatThrownBy(() -> DemoTarget.parse("order=o:1,inventory=http://i:1,payment=http://p:2,shipping=http://s:3,"
                + "provider=http://pr:4,kafka=b:1", name -> null)).hasMessage("order=o:1 is not an http(s) URL");
    }
}
