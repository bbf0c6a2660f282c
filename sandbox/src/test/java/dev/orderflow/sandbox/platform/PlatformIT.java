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
    private static final Duration KILL_GRACE = Platform.STOP_GRACE;

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

    /**
     * After the invariant run (hundreds of events through every consumer), an idle service must stop
     * on SIGTERM by itself: `orderflow down` waits {@link #KILL_GRACE} before it SIGKILLs, and a stop
     * that needs the kill hides shutdown work that never finishes. The bound is that grace, not a
     * guess at how fast a stop is; a thread dump taken at half of it names what holds the service.
     */
    @Test
    @Order(4)
    void idleServicesThatHandledHundredsOfEventsStopOnSigtermBeforeTheKillGrace() throws Exception {
        for (String service : List.of("inventory-service", "shipping-service")) {
            ProcessHandle process = ProcessHandle.of(platform.process(service).pid()).orElseThrow();
            long begin = System.nanoTime();
            process.destroy(); // SIGTERM, what `orderflow down` sends first
            String threads = "";
            try {
                process.onExit().get(KILL_GRACE.toMillis() / 2, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                threads = threadDump(process.pid());
            }
            java.util.OptionalInt status = platform.process(service).awaitExit(KILL_GRACE.minusNanos(System.nanoTime() - begin));
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            try {
                assertThat(status).as("%s still running %d s after SIGTERM; threads at half the grace:%n%s", service,
                        took.toSeconds(), threads).isPresent();
                assertThat(status.getAsInt()).as("%s exit status after SIGTERM (took %d ms)", service, took.toMillis())
                        .isIn(0, 143);
            } finally {
                platform.restart(service); // the next tests need it
            }
        }
    }

    private static String threadDump(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            return new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        }
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

    /**
     * RFC 9457 for every refusal of the five HTTP APIs: {@code status} is the numeric response code
     * (a 409 once carried the order's state there), {@code type}, {@code title}, {@code detail} and
     * {@code instance} are strings, the media type is application/problem+json. (The 413 of an
     * oversized body, answered before the REST layer, is checked in OrderResourceTest.)
     */
    @Test
    @Order(5)
    void everyProblemBodyOfTheFiveApisFollowsRfc9457WithTheResponseCodeAsItsStatus() throws Exception {
        String order = LAYOUT.service("order-service").url();
        String inventory = LAYOUT.service("inventory-service").url();
        String payment = LAYOUT.service("payment-service").url();
        String shipping = LAYOUT.service("shipping-service").url();
        String provider = LAYOUT.providerUrl();
        String valid = """
                {"customerId":"c-1","lines":[{"sku":"KB-001","quantity":1}],
                 "shippingAddress":{"name":"A","street":"S","city":"C","postalCode":"P","country":"GB"}}""";
        String shipped = placeHappyOrder();
        record Call(String method, String url, String contentType, String body, int status) {}
        List<Call> calls = List.of(
                new Call("POST", order + "/orders", "application/json", valid.replace("\"quantity\":1", "\"quantity\":0"), 400),
                new Call("POST", order + "/orders", "application/json", valid.replace("\"quantity\":1", "\"quantity\":1.5"), 400),
                new Call("POST", order + "/orders", "application/json", valid.replace("c-1", "c-\\u0000"), 400),
                new Call("POST", order + "/orders", "application/json", "{\"customerId\":", 400),
                new Call("POST", order + "/orders", "application/json", valid.replace("KB-001", "NOPE-1"), 422),
                new Call("POST", order + "/orders", null, valid, 415),
                new Call("POST", order + "/orders", "text/plain", valid, 415),
                new Call("GET", order + "/orders/" + UUID.randomUUID(), null, null, 404),
                new Call("GET", order + "/orders/not-a-uuid", null, null, 400),
                new Call("DELETE", order + "/orders", null, null, 405),
                new Call("GET", order + "/nothing-here", null, null, 404),
                new Call("POST", order + "/orders/" + shipped + "/cancel", null, null, 409),
                new Call("GET", inventory + "/inventory/NOPE-1", null, null, 404),
                new Call("PUT", inventory + "/inventory/KB-001", "application/json", "{\"available\": 1.5}", 400),
                new Call("PUT", inventory + "/inventory/KB-001", "application/json", "{\"available\": -1}", 400),
                new Call("GET", payment + "/payments", null, null, 400),
                new Call("GET", payment + "/payments?orderId=" + UUID.randomUUID(), null, null, 404),
                new Call("GET", shipping + "/shipments?orderId=bad", null, null, 400),
                new Call("GET", shipping + "/shipments?orderId=" + UUID.randomUUID(), null, null, 404),
                new Call("POST", provider + "/v1/charges", "application/json", "{}", 400),
                new Call("POST", provider + "/v1/charges/ch_nope/refunds", null, null, 400),
                new Call("GET", provider + "/v1/nothing", null, null, 404),
                new Call("DELETE", provider + "/v1/ledger", null, null, 405));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (Call call : calls) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(call.url())).method(call.method(),
                    call.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(call.body()));
            if (call.contentType() != null) {
                request.header("Content-Type", call.contentType());
            }
            var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            String what = call.method() + " " + call.url() + " -> " + response.statusCode() + " " + response.body();
            assertThat(response.statusCode()).as(what).isEqualTo(call.status());
            assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").isIntegralNumber()).as(what).isTrue();
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
            assertThat(problem.path("type").asText()).as(what).isEqualTo("about:blank");
            assertThat(problem.path("title").isTextual() && !problem.path("title").asText().isBlank()).as(what).isTrue();
            assertThat(problem.path("detail").isTextual()).as(what).isTrue();
            assertThat(problem.path("instance").asText()).as(what).isEqualTo(java.net.URI.create(call.url()).getRawPath());
        }
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
