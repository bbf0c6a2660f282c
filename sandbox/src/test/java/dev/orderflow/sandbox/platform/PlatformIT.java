package dev.orderflow.sandbox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.demo.SmokeScenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform started the way `./orderflow up` starts it: four service JVMs on real Kafka, registry and PostgreSQL. */
class PlatformIT {

    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();

    @Test
    void anOrderPlacedOverHttpReachesKafkaWithItsEnvelope() {
        PlatformLayout layout = PlatformLayout.forTests(ROOT, Path.of("target/platform-it"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Long> pids;
        try (RunningPlatform platform = Platform.up(layout, (component, detail, took) -> {})) {
            pids = platform.services().stream().map(p -> p.pid()).toList();
            assertThat(Platform.status(layout)).allSatisfy(s -> assertThat(s.ready()).as(s.name()).isTrue());

            SmokeScenario.Outcome outcome = new SmokeScenario(new OrderflowClient(platform.url("order-service")),
                    new EventReader(platform.infra().kafkaBootstrapServers()),
                    new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

            assertThat(outcome.event().header(CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ORDER_PLACED_V1);
            assertThat(outcome.event().header(CloudEventHeaders.SUBJECT)).isEqualTo(outcome.orderId());
            assertThat(outcome.payload().getOrderId()).isEqualTo(outcome.orderId());
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains(outcome.orderId(), EventTypes.ORDER_PLACED_V1);
        }
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("service pid %d stopped", pid).isFalse());
        assertThat(Platform.status(layout)).noneSatisfy(s -> assertThat(s.running()).isTrue());
    }

    @Test
    void aServicePortTakenByAnotherProcessIsRefusedBeforeAnythingStarts() throws Exception {
        PlatformLayout layout = PlatformLayout.forTests(ROOT, Path.of("target/platform-port-taken"));
        int orderPort = layout.service("order-service").port();
        try (var stranger = new java.net.ServerSocket(orderPort, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Platform.up(layout, (component, detail, took) -> {}))
                    .hasMessageContaining("order-service cannot start")
                    .hasMessageContaining(String.valueOf(orderPort))
                    .hasMessageContaining("ORDERFLOW_ORDER_PORT");
        }
        assertThat(Platform.status(layout)).noneSatisfy(s -> assertThat(s.running()).isTrue());
    }
}
