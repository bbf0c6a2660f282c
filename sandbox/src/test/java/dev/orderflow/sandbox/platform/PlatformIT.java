package dev.orderflow.sandbox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    /** Every service exports every span here, as it would to a collector. */
    private static final OtlpTraceReceiver COLLECTOR = new OtlpTraceReceiver();
    private static final PlatformLayout LAYOUT = PlatformLayout.forTests(ROOT, Path.of("target/platform-it")).withServiceConfig(Map.of(
            "quarkus.otel.exporter.otlp.traces.endpoint", COLLECTOR.endpoint(),
            "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
            "quarkus.otel.traces.sampler.arg", "1",
            "quarkus.otel.bsp.schedule.delay", "500ms"));
    private static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service", "shipping-service");
    private static final ObjectMapper JSON = new ObjectMapper();

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
        COLLECTOR.close(); // after the services: their last export must find it
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
    void oneTraceCoversAnOrderInAllFourServicesWithEachConsumerSpanAChildOfItsProducerSpanAcrossKafka() {
        String orderId = placeHappyOrder();
        List<EventReader.ReceivedEvent> events = eventsOf(orderId);
        String traceId = traceIdOf(events.getFirst());
        assertThat(events).as("every event of the order carries its trace").allSatisfy(e -> assertThat(traceIdOf(e)).isEqualTo(traceId));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<OtlpTraceReceiver.ReceivedSpan> trace = COLLECTOR.trace(traceId);
            Map<String, OtlpTraceReceiver.ReceivedSpan> byId = trace.stream()
                    .collect(Collectors.toMap(OtlpTraceReceiver.ReceivedSpan::spanId, span -> span, (a, b) -> a));
            assertThat(trace).extracting(OtlpTraceReceiver.ReceivedSpan::service).containsAll(SERVICES);
            // The trace starts at the HTTP request that placed the order; every other span hangs off it.
            assertThat(trace).filteredOn(OtlpTraceReceiver.ReceivedSpan::isRoot).singleElement().satisfies(root -> {
                assertThat(root.service()).isEqualTo("order-service");
                assertThat(root.kind()).isEqualTo("SPAN_KIND_SERVER");
                assertThat(root.name()).contains("/orders");
            });
            assertThat(trace).filteredOn(span -> !span.isRoot())
                    .allSatisfy(span -> assertThat(byId).as("parent of %s in %s", span.name(), span.service()).containsKey(span.parentSpanId()));
            // Each event was published by the relay in a PRODUCER span named after its topic.
            List<OtlpTraceReceiver.ReceivedSpan> publishes = trace.stream().filter(s -> s.kind().equals("SPAN_KIND_PRODUCER")).toList();
            assertThat(publishes).extracting(s -> s.attributes().get("messaging.message.id"))
                    .containsAll(events.stream().map(e -> e.header(CloudEventHeaders.ID)).toList());
            assertThat(publishes).allSatisfy(s -> {
                assertThat(s.name()).isEqualTo("publish " + s.attributes().get("messaging.destination.name"));
                assertThat(s.attributes()).containsEntry("messaging.system", "kafka");
            });
            // Across Kafka: each CONSUMER span's parent is the PRODUCER span of the same message.
            List<OtlpTraceReceiver.ReceivedSpan> processes = trace.stream().filter(s -> s.kind().equals("SPAN_KIND_CONSUMER")).toList();
            assertThat(processes).extracting(OtlpTraceReceiver.ReceivedSpan::service).containsAll(SERVICES);
            assertThat(processes).allSatisfy(process -> {
                OtlpTraceReceiver.ReceivedSpan parent = byId.get(process.parentSpanId());
                assertThat(parent.kind()).isEqualTo("SPAN_KIND_PRODUCER");
                assertThat(parent.attributes().get("messaging.message.id")).isEqualTo(process.attributes().get("messaging.message.id"));
                assertThat(process.name()).isEqualTo("process " + parent.attributes().get("messaging.destination.name"));
                assertThat(process.attributes()).containsEntry("messaging.consumer.group.name", process.service());
            });
            // The capture at the payment provider is an HTTP CLIENT span inside payment-service's processing.
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.service()).isEqualTo("payment-service");
                assertThat(span.kind()).isEqualTo("SPAN_KIND_CLIENT");
                assertThat(byId.get(span.parentSpanId()).kind()).isEqualTo("SPAN_KIND_CONSUMER");
            });
        });
    }

    @Test
    @Order(3)
    void everyLogLineWrittenForAnOrderCarriesItsOrderIdCorrelationIdAndTraceId() {
        String orderId = placeHappyOrder();
        List<EventReader.ReceivedEvent> events = eventsOf(orderId);
        String correlationId = events.getFirst().header(CloudEventHeaders.CORRELATION_ID);
        assertThat(events).allSatisfy(e -> assertThat(e.header(CloudEventHeaders.CORRELATION_ID)).isEqualTo(correlationId));
        String traceId = traceIdOf(events.getFirst());

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            Map<String, List<JsonNode>> linesByService = new java.util.LinkedHashMap<>();
            for (String service : SERVICES) {
                linesByService.put(service, jsonLines(service).stream()
                        .filter(line -> orderId.equals(line.path("mdc").path("orderId").asText())
                                || line.path("message").asText().contains(orderId))
                        .toList());
            }
            // Each service wrote at least one line per event it handled for the order ...
            assertThat(linesByService).allSatisfy((service, lines) -> assertThat(lines).as(service).isNotEmpty());
            // ... and every line about the order names it, its correlation and its trace.
            assertThat(linesByService.values().stream().flatMap(List::stream)).allSatisfy(line -> {
                JsonNode mdc = line.path("mdc");
                assertThat(mdc.path("orderId").asText()).as(line.toString()).isEqualTo(orderId);
                assertThat(mdc.path("correlationId").asText()).as(line.toString()).isEqualTo(correlationId);
                assertThat(mdc.path("traceId").asText()).as(line.toString()).isEqualTo(traceId);
            });
        });
    }

    @Test
    @Order(4)
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

    /** After the invariant run: dead letters on the platform are anomalies to its checker. */
    @Test
    @Order(5)
    void dlqCommandListsShowsAndReplaysADeadLetterWithItsOriginalEventId() throws Exception {
        String kafka = platform.infra().kafkaBootstrapServers();
        String orderId = placeHappyOrder();
        EventReader.ReceivedEvent placed = eventsOf(orderId).stream()
                .filter(e -> EventTypes.ORDER_PLACED_V1.equals(e.header(CloudEventHeaders.TYPE))).findFirst().orElseThrow();
        // A poison OrderPlaced: valid envelope (new event id, new order), a payload no contract decodes.
        String poisonId = UUID.randomUUID().toString();
        String poisonOrder = UUID.randomUUID().toString();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", kafka, "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName(),
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName()))) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(Topics.ORDERS, poisonOrder,
                    "not an OrderPlaced".getBytes(StandardCharsets.UTF_8));
            placed.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            record.headers().remove(CloudEventHeaders.ID).add(CloudEventHeaders.ID, poisonId.getBytes(StandardCharsets.UTF_8));
            record.headers().remove(CloudEventHeaders.SUBJECT).add(CloudEventHeaders.SUBJECT, poisonOrder.getBytes(StandardCharsets.UTF_8));
            record.headers().remove(CloudEventHeaders.SEQUENCE).add(CloudEventHeaders.SEQUENCE, "1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        List<String> consumers = List.of("inventory-service", "payment-service", "shipping-service");
        await().atMost(Duration.ofMinutes(1)).until(() -> deadLettersOf(kafka, poisonId).size() == consumers.size());

        String listed = cli("dlq", "list", "--topic", Topics.ORDERS, "--bootstrap-server", kafka);
        List<String> rows = listed.lines().filter(line -> line.contains(poisonId)).toList();
        assertThat(rows).hasSize(consumers.size()).allSatisfy(row -> assertThat(row)
                .contains("orders.events.dlq:", "orders.events-", EventTypes.ORDER_PLACED_V1, "PERMANENT"));
        String reference = rows.getFirst().split("\\s+")[0];

        String shown = cli("dlq", "show", reference, "--bootstrap-server", kafka);
        assertThat(shown).contains("original position  orders.events-", "failure            PERMANENT", poisonId, "not an OrderPlaced");

        String replayed = cli("dlq", "replay", reference, "--bootstrap-server", kafka);
        assertThat(replayed).contains("replayed " + reference, "-> orders.events-");
        List<EventReader.ReceivedEvent> onTopic = new EventReader(kafka).read(List.of(Topics.ORDERS), poisonOrder, 2, Duration.ofMinutes(1));
        assertThat(onTopic).hasSize(2).allSatisfy(e -> assertThat(e.header(CloudEventHeaders.ID)).isEqualTo(poisonId));
        assertThat(onTopic.get(1).headers()).containsEntry("orderflow-replayed-from", reference)
                .doesNotContainKeys("dead-letter-reason", "dead-letter-topic");
        // Still poison (nothing was fixed): each consumer dead-letters it again; nothing half-applied.
        await().atMost(Duration.ofMinutes(1)).until(() -> deadLettersOf(kafka, poisonId).size() == 2 * consumers.size());
        assertThat(client.order(poisonOrder).status()).isEqualTo(404);
    }

    @Test
    @Order(6)
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
    @Order(7)
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

    private static List<EventReader.ReceivedEvent> deadLettersOf(String kafka, String eventId) {
        return new EventReader(kafka).readUntilQuiet(List.of(Topics.deadLetterTopicOf(Topics.ORDERS)), null, Duration.ofSeconds(2), Duration.ofSeconds(20))
                .stream().filter(e -> eventId.equals(e.header(CloudEventHeaders.ID))).toList();
    }

    /** Runs the `orderflow` command line in this JVM and returns what it printed. */
    private static String cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine command = new picocli.CommandLine(new dev.orderflow.sandbox.cli.OrderflowCommand());
        command.setOut(new java.io.PrintWriter(out, true));
        assertThat(command.execute(args)).as("exit code of orderflow %s", String.join(" ", args)).isZero();
        return out.toString();
    }

    /** A happy order (in stock, a customer the provider accepts), followed until it shipped. */
    private static String placeHappyOrder() {
        String body = """
                {"customerId":"observed-%s","lines":[{"sku":"KB-001","quantity":1}],
                 "shippingAddress":{"name":"Ada Lovelace","street":"1 Analytical Way","city":"London","postalCode":"N1 7AA","country":"GB"}}"""
                .formatted(UUID.randomUUID());
        OrderflowClient.Reply placed = client.placeOrder(body, UUID.randomUUID().toString());
        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        await().atMost(Duration.ofMinutes(1)).until(() -> "SHIPPED".equals(client.order(orderId).body().path("status").asText()));
        return orderId;
    }

    /** OrderPlaced, InventoryReserved, PaymentCaptured, ShipmentScheduled, InventoryCommitted. */
    private static List<EventReader.ReceivedEvent> eventsOf(String orderId) {
        List<EventReader.ReceivedEvent> events = new EventReader(platform.infra().kafkaBootstrapServers())
                .read(Topics.ALL, orderId, 5, Duration.ofMinutes(1));
        assertThat(events).hasSize(5);
        return events;
    }

    private static String traceIdOf(EventReader.ReceivedEvent event) {
        String traceparent = event.header(CloudEventHeaders.TRACEPARENT);
        assertThat(traceparent).as("traceparent of %s", event.header(CloudEventHeaders.TYPE)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        return traceparent.split("-")[1];
    }

    /** The service's log lines that are JSON (all of its own; the JVM may print a few plain ones). */
    private static List<JsonNode> jsonLines(String service) throws java.io.IOException {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(LAYOUT.logFile(service))) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static List<String> types(SagaDemo.Story story) {
        return story.timeline().stream().map(e -> e.header(CloudEventHeaders.TYPE)).toList();
    }
}
