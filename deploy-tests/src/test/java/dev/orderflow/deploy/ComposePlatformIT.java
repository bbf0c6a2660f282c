package dev.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.check.Anomaly;
import dev.orderflow.sandbox.check.InvariantChecker;
import dev.orderflow.sandbox.check.Snapshot;
import dev.orderflow.sandbox.check.SnapshotReader;
import dev.orderflow.sandbox.demo.DemoTarget;
import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.demo.SagaDemo;
import dev.orderflow.sandbox.workload.OrderPath;
import dev.orderflow.sandbox.workload.SagaWorkload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The root docker-compose.yml, as users run it, on stand-in images (no registry is reachable here): it
 * converges from nothing, carries orders on every saga path to terminal states with every invariant kept,
 * survives a crashed service container, and leaves nothing behind. Traffic goes only to 127.0.0.1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposePlatformIT {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static ComposeProject project;
    private static boolean down;

    @BeforeAll
    static void upFromNothing() {
        DockerEngine.requireOrSkip();
        project = new ComposeProject(ROOT, StandInImages.build(ROOT));
        project.compose(120, "down", "-v", "--remove-orphans");
        for (int attempt = 1; ; attempt++) {
            try {
                project.compose(900, "up", "-d", "--build");
                return;
            } catch (IllegalStateException e) {
                // A port found free a moment ago can be taken by another process before Docker binds it.
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("address already in use")) {
                    throw e;
                }
                project.compose(120, "down", "-v", "--remove-orphans");
                project.choosePorts();
            }
        }
    }

    @AfterAll
    static void tearDown() {
        if (project != null && !down) {
            project.compose(300, "down", "-v", "--remove-orphans");
        }
        if (project != null) {
            removeServiceImages();
        }
    }

    @Test
    @Order(1)
    void composeUpConvergesToAllHealthyFromNothing() throws Exception {
        awaitAllReady(Duration.ofMinutes(6));

        // Docker's own HEALTHCHECK runs every 5 s, so it may report "starting" a moment after HTTP answers.
        for (String service : List.of("kafka", "postgres", "registry", "payment-provider", "order-service",
                "inventory-service", "payment-service", "shipping-service", "console")) {
            assertThat(awaitHealth(service, Duration.ofMinutes(1))).as(service).isEqualTo("healthy");
        }
        assertThat(project.docker("inspect", "-f", "{{.State.ExitCode}}", project.container("topics"))).isEqualTo("0");
        for (String port : List.of("ORDERFLOW_ORDER_PORT", "ORDERFLOW_INVENTORY_PORT", "ORDERFLOW_PAYMENT_PORT",
                "ORDERFLOW_SHIPPING_PORT", "ORDERFLOW_CONSOLE_PORT")) {
            assertThat(status(project.url(port) + "/q/health/ready")).as(port).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void theDemoWithTargetComposeWalksItsFourOrdersThroughThePublishedPorts() {
        DemoTarget target = DemoTarget.parse("compose", project.env::get);
        List<SagaDemo.Story> stories = new SagaDemo(new OrderflowClient(target.endpoints()), new EventReader(target.kafka()),
                System.out).run();
        assertThat(stories).extracting(SagaDemo.Story::status).startsWith("SHIPPED", "REJECTED", "CANCELLED");
        assertThat(stories.get(0).timeline()).as("the happy order's events, read back from the compose Kafka").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(3)
    void twoHundredOrdersOnEverySagaPathReachTerminalStatesAndKeepEveryInvariant() throws Exception {
        runOrders(200, 11, null);
    }

    @Test
    @Order(4)
    void aCrashedServiceContainerIsRestartedByItsPolicyAndTheRunStaysValid() throws Exception {
        String payment = project.container("payment-service");
        int restartsBefore = Integer.parseInt(project.docker("inspect", "-f", "{{.RestartCount}}", payment));

        // `docker kill` is an operator's stop, which Docker's restart policies ignore by design; a crash (or the
        // kernel's OOM killer) is SIGKILL to the container's process, which is what the policy exists for.
        runOrders(60, 12, () -> {
            String pid = project.docker("inspect", "-f", "{{.State.Pid}}", payment);
            DockerEngine.exec(List.of("kill", "-9", pid), Map.of(), 10);
        });

        assertThat(Integer.parseInt(project.docker("inspect", "-f", "{{.RestartCount}}", payment)))
                .as("restarts of payment-service").isGreaterThan(restartsBefore);
        assertThat(awaitHealth("payment-service", Duration.ofMinutes(2))).isEqualTo("healthy");
    }

    @Test
    @Order(5)
    void theSecureVariantAuthenticatesWithScramAndAWrongPasswordHoldsOnlyThatServiceUntilFixedLosingNothing()
            throws Exception {
        // The same project, recreated with the override: Kafka now accepts only SASL/SCRAM-SHA-512 clients.
        project.composeSecure(Map.of("ORDERFLOW_KAFKA_PASSWORD_PAYMENT_SERVICE", "not-the-password"), 600, "up", "-d");
        awaitReady(List.of("ORDERFLOW_ORDER_PORT", "ORDERFLOW_INVENTORY_PORT", "ORDERFLOW_SHIPPING_PORT",
                "ORDERFLOW_CONSOLE_PORT"), Duration.ofMinutes(5));
        String paymentReady = project.url("ORDERFLOW_PAYMENT_PORT") + "/q/health/ready";
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String log = "";
        while (!log.contains("Authentication failed") && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            log = project.composeSecure(Map.of(), 60, "logs", "--no-color", "payment-service");
        }
        assertThat(log).as("payment-service's log names the authentication failure").contains("Authentication failed");
        assertThat(log).contains("SCRAM-SHA-512");
        assertThat(status(paymentReady)).as("payment-service with a wrong password is not ready").isEqualTo(503);

        OrderflowClient client = new OrderflowClient(project.endpoints());
        List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OrderflowClient.Reply placed = client.placeOrder("""
                    {"customerId":"secure-%d","lines":[{"sku":"KB-001","quantity":1}],"shippingAddress":{"name":"Ada",
                    "street":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}""".formatted(i), "secure-" + i);
            assertThat(placed.status()).isEqualTo(201);
            orders.add(placed.body().path("orderId").asText());
        }
        // Inventory (authenticated) reserves them; payment cannot read the reservations, so they wait there.
        for (String id : orders) {
            assertThat(awaitStatus(client, id, Duration.ofMinutes(2), "RESERVED")).as(id).isEqualTo("RESERVED");
        }

        project.composeSecure(Map.of(), 600, "up", "-d");
        awaitReady(List.of("ORDERFLOW_PAYMENT_PORT"), Duration.ofMinutes(4));
        for (String id : orders) {
            assertThat(awaitStatus(client, id, Duration.ofMinutes(3), "SHIPPED")).as(id).isEqualTo("SHIPPED");
        }
    }

    @Test
    @Order(6)
    void composeDownLeavesNoContainerNetworkOrVolumeOfTheProject() {
        project.compose(300, "down", "-v", "--remove-orphans");
        down = true;

        String label = "label=com.docker.compose.project=" + ComposeProject.NAME;
        assertThat(project.docker("ps", "-aq", "--filter", label)).isEmpty();
        assertThat(project.docker("network", "ls", "-q", "--filter", label)).isEmpty();
        assertThat(project.docker("volume", "ls", "-q", "--filter", label)).isEmpty();
    }

    /** Places the orders (crashing something after the first third when asked), then checks the invariants. */
    private static void runOrders(int orders, long seed, Runnable crash) throws Exception {
        awaitAllReady(Duration.ofMinutes(3));
        OrderflowClient client = new OrderflowClient(project.endpoints());
        SnapshotReader reader = new SnapshotReader(client, new EventReader(project.kafkaBootstrap()));
        Map<String, Snapshot.Stock> stockBefore = reader.stock();
        List<SagaWorkload.PlannedOrder> plan = SagaWorkload.plan(orders, seed);

        CompletableFuture<List<SagaWorkload.PlacedOrder>> run = CompletableFuture.supplyAsync(() -> SagaWorkload.run(plan, client, 8));
        if (crash != null) {
            Thread.sleep(3_000);
            crash.run();
        }
        List<SagaWorkload.PlacedOrder> placed = run.get();

        assertThat(placed).allSatisfy(p -> assertThat(p.error()).as("order %d", p.plan().index()).isNull());
        List<String> orderIds = placed.stream().map(SagaWorkload.PlacedOrder::orderId).toList();
        assertThat(reader.awaitTerminal(orderIds, Duration.ofMinutes(5))).as("orders not terminal after 5 min").isEmpty();
        Snapshot snapshot = reader.read(placed, stockBefore, Map.of());
        List<Anomaly> anomalies = InvariantChecker.check(snapshot);
        assertThat(anomalies).as("invariant violations (the checker's VALID means none)").isEmpty();

        Map<OrderPath, Map<String, Long>> outcomes = placed.stream().collect(Collectors.groupingBy(p -> p.plan().path(),
                Collectors.groupingBy(p -> snapshot.orders().get(p.orderId()).status(), Collectors.counting())));
        assertThat(outcomes.keySet()).as("every saga path ran").containsAll(List.of(OrderPath.values()));
        assertThat(outcomes.get(OrderPath.HAPPY)).containsOnlyKeys("SHIPPED");
        assertThat(outcomes.get(OrderPath.OUT_OF_STOCK)).containsOnlyKeys("REJECTED");
        assertThat(outcomes.get(OrderPath.DECLINED)).containsOnlyKeys("CANCELLED");
    }

    private static void awaitAllReady(Duration timeout) throws InterruptedException {
        awaitReady(List.of("ORDERFLOW_ORDER_PORT", "ORDERFLOW_INVENTORY_PORT", "ORDERFLOW_PAYMENT_PORT",
                "ORDERFLOW_SHIPPING_PORT"), timeout);
    }

    private static String awaitStatus(OrderflowClient client, String orderId, Duration timeout, String wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = client.order(orderId).body().path("status").asText();
        while (!status.equals(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            status = client.order(orderId).body().path("status").asText();
        }
        return status;
    }

    private static String awaitHealth(String service, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String health = project.docker("inspect", "-f", "{{.State.Health.Status}}", project.container(service));
        while (!health.equals("healthy") && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            health = project.docker("inspect", "-f", "{{.State.Health.Status}}", project.container(service));
        }
        return health;
    }

    private static void awaitReady(List<String> portVariables, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> urls = portVariables.stream().map(project::url).toList();
        while (!urls.stream().allMatch(u -> status(u + "/q/health/ready") == 200)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("services not ready after " + timeout + ":\n" + project.compose(60, "ps"));
            }
            Thread.sleep(1_000);
        }
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** The service images this run built (the stand-ins stay cached by content hash). */
    private static void removeServiceImages() {
        for (String image : List.of("order-service", "inventory-service", "payment-service", "shipping-service",
                "payment-provider", "console")) {
            try {
                project.docker("image", "rm", "-f", "orderflow/" + image + ":deploy-it");
            } catch (IllegalStateException alreadyGone) {
                // nothing to remove
            }
        }
    }
}
