package dev.orderflow.sandbox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.EventTypes;
import dev.orderflow.sandbox.bench.BenchReport;
import dev.orderflow.sandbox.bench.BenchRunner;
import dev.orderflow.sandbox.check.Anomaly;
import dev.orderflow.sandbox.check.InvariantChecker;
import dev.orderflow.sandbox.check.Snapshot;
import dev.orderflow.sandbox.check.SnapshotReader;
import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.demo.SagaDemo;
import dev.orderflow.sandbox.workload.OrderPath;
import dev.orderflow.sandbox.workload.SagaWorkload;
import dev.orderflow.events.CloudEventHeaders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform started the way `./orderflow up` starts it: the four services and the payment
 * provider as separate JVMs on real Kafka, registry and PostgreSQL, driven only through their APIs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();
    private static final PlatformLayout LAYOUT = PlatformLayout.forTests(ROOT, Path.of("target/platform-it"));

    private static RunningPlatform platform;
    private static OrderflowClient client;

    @BeforeAll
    static void up() {
        platform = Platform.up(LAYOUT, (component, detail, took) -> {});
        client = new OrderflowClient(OrderflowClient.Endpoints.of(LAYOUT));
    }

    @AfterAll
    static void down() {
        List<Long> pids = platform.services().stream().map(p -> p.pid()).collect(Collectors.toList());
        pids.add(platform.provider().pid());
        platform.close();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("pid %d stopped", pid).isFalse());
        assertThat(Platform.status(LAYOUT)).noneSatisfy(s -> assertThat(s.running()).isTrue());
    }

    @Test
    @Order(1)
    void demoWalksTheFourPathsOfTheSagaAsTimelines() {
        assertThat(Platform.status(LAYOUT)).allSatisfy(s -> assertThat(s.ready()).as(s.name()).isTrue());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<SagaDemo.Story> stories = new SagaDemo(client, new EventReader(platform.infra().kafkaBootstrapServers()),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        assertThat(stories).extracting(SagaDemo.Story::status).startsWith("SHIPPED", "REJECTED", "CANCELLED");
        assertThat(types(stories.get(0))).containsExactlyInAnyOrder(EventTypes.ORDER_PLACED_V1, EventTypes.INVENTORY_RESERVED_V1,
                EventTypes.PAYMENT_CAPTURED_V1, EventTypes.SHIPMENT_SCHEDULED_V1, EventTypes.INVENTORY_COMMITTED_V1);
        assertThat(types(stories.get(1))).containsExactlyInAnyOrder(EventTypes.ORDER_PLACED_V1, EventTypes.INVENTORY_REJECTED_V1);
        assertThat(types(stories.get(2))).containsExactlyInAnyOrder(EventTypes.ORDER_PLACED_V1, EventTypes.INVENTORY_RESERVED_V1,
                EventTypes.PAYMENT_FAILED_V1, EventTypes.INVENTORY_RELEASED_V1);
        SagaDemo.Story cancelled = stories.get(3);
        assertThat(types(cancelled)).contains(EventTypes.ORDER_CANCELLATION_REQUESTED_V1);
        if (cancelled.status().equals("CANCELLED")) {
            assertThat(types(cancelled)).contains(EventTypes.SHIPMENT_CANCELLED_V1).doesNotContain(EventTypes.SHIPMENT_SCHEDULED_V1);
        } else {
            assertThat(cancelled.status()).isEqualTo("SHIPPED");
            assertThat(cancelled.cancellation()).isEqualTo("REFUSED");
            assertThat(types(cancelled)).doesNotContain(EventTypes.SHIPMENT_CANCELLED_V1);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains(stories.get(0).orderId(), "inventory-service", "InventoryReserved.v1", "=> SHIPPED");
    }

    @Test
    @Order(2)
    void fiveHundredConcurrentOrdersOnEveryPathKeepEveryInvariant() throws Exception {
        SnapshotReader reader = new SnapshotReader(client, new EventReader(platform.infra().kafkaBootstrapServers()));
        Map<String, Snapshot.Stock> stockBefore = reader.stock();
        List<SagaWorkload.PlannedOrder> plan = SagaWorkload.plan(500, 42);

        List<SagaWorkload.PlacedOrder> placed = SagaWorkload.run(plan, client, 16);

        assertThat(placed).allSatisfy(p -> assertThat(p.error()).as("order %d", p.plan().index()).isNull());
        assertThat(placed).allSatisfy(p -> assertThat(p.placeStatuses()).as("order %d", p.plan().index()).containsOnly(201));
        List<String> orderIds = placed.stream().map(SagaWorkload.PlacedOrder::orderId).toList();
        assertThat(reader.awaitTerminal(orderIds, Duration.ofMinutes(5))).as("orders not terminal after 5 min").isEmpty();

        Snapshot snapshot = reader.read(placed, stockBefore, Map.of());
        List<Anomaly> anomalies = InvariantChecker.check(snapshot);
        assertThat(anomalies).as("invariant violations").isEmpty();

        Map<OrderPath, Map<String, Long>> outcomes = placed.stream().collect(Collectors.groupingBy(p -> p.plan().path(),
                Collectors.groupingBy(p -> snapshot.orders().get(p.orderId()).status(), Collectors.counting())));
        assertThat(outcomes.get(OrderPath.HAPPY)).containsOnlyKeys("SHIPPED");
        assertThat(outcomes.get(OrderPath.DUPLICATE_POST)).containsOnlyKeys("SHIPPED");
        assertThat(outcomes.get(OrderPath.OUT_OF_STOCK)).containsOnlyKeys("REJECTED");
        assertThat(outcomes.get(OrderPath.DECLINED)).containsOnlyKeys("CANCELLED");
        assertThat(outcomes.get(OrderPath.CANCELLED)).containsKey("CANCELLED").doesNotContainKey("REJECTED");
        assertThat(placed.stream().filter(p -> p.plan().path() == OrderPath.DUPLICATE_POST))
                .allSatisfy(p -> assertThat(p.orderIds()).hasSize(3).containsOnly(p.orderId()));
        assertThat(snapshot.charges().stream().filter(Snapshot.Charge::captured).count())
                .as("captures at the provider").isGreaterThan(outcomes.get(OrderPath.HAPPY).get("SHIPPED"));
    }

    @Test
    @Order(3)
    void aServicePortTakenByAnotherProcessIsRefusedBeforeAnythingStarts() throws Exception {
        PlatformLayout layout = PlatformLayout.forTests(ROOT, Path.of("target/platform-port-taken"));
        int orderPort = layout.service("order-service").port();
        try (var stranger = new java.net.ServerSocket(orderPort, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Platform.up(layout, (component, detail, took) -> {}))
                    .hasMessageContaining("order-service cannot start")
                    .hasMessageContaining(String.valueOf(orderPort))
                    .hasMessageContaining("ORDERFLOW_ORDER_PORT");
        }
        assertThat(Platform.status(layout)).noneSatisfy(s -> assertThat(s.running()).isTrue());
    }

    /** Last: it leaves the services running with the naive flags. */
    @Test
    @Order(4)
    void shortBenchMeasuresEveryRatioSideBySideOnThisPlatform() throws Exception {
        Path out = Path.of("target/bench-it");
        BenchRunner.Settings settings = new BenchRunner.Settings(Duration.ofSeconds(6), 4, 2_000, out, "PlatformIT");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        BenchReport report = new BenchRunner(LAYOUT, settings, new PrintStream(printed, true, StandardCharsets.UTF_8), false)
                .measure(platform);

        assertThat(report.baselines().postgresCommitsPerSecond()).isPositive();
        assertThat(report.baselines().kafkaRecordsPerSecond()).isPositive();
        assertThat(report.drain().rows()).isEqualTo(2_000);
        assertThat(report.drain().eventsPerSecond()).isPositive();
        for (BenchReport.SagaRun run : List.of(report.patterns(), report.naive())) {
            assertThat(run.closedLoop().completed()).as(run.mode()).isPositive();
            assertThat(run.closedLoop().notTerminal()).as(run.mode()).isZero();
            assertThat(run.openLoop().completed()).as(run.mode()).isEqualTo(run.openLoop().placed());
            assertThat(run.openLoop().latency().p99()).as(run.mode()).isGreaterThanOrEqualTo(run.openLoop().latency().p50());
        }
        assertThat(report.ratios()).allSatisfy(r -> assertThat(r.value()).as(r.name()).isPositive().isFinite());
        assertThat(report.hops()).extracting(BenchReport.Hop::eventType, BenchReport.Hop::consumer)
                .contains(org.assertj.core.groups.Tuple.tuple("OrderPlaced.v1", "inventory-service"),
                        org.assertj.core.groups.Tuple.tuple("ShipmentScheduled.v1", "order-service"));
        assertThat(out.resolve("bench.json")).exists();
        assertThat(out.resolve("bench.html")).content().contains("<svg");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[6/8", "saga, naive flags on");
    }

    private static List<String> types(SagaDemo.Story story) {
        return story.timeline().stream().map(e -> e.header(CloudEventHeaders.TYPE)).toList();
    }
}
