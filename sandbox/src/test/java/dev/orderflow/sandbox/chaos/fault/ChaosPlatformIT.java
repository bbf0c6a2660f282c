package dev.orderflow.sandbox.chaos.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.Topics;
import dev.orderflow.infra.kafka.LocalKafkaCluster;
import dev.orderflow.infra.process.ChildProcess;
import dev.orderflow.sandbox.check.SnapshotReader;
import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.platform.PlatformLayout;
import dev.orderflow.sandbox.platform.RunningPlatform;
import dev.orderflow.sandbox.workload.OrderPath;
import dev.orderflow.sandbox.workload.SagaWorkload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every fault injected once and healed against one chaos platform (three brokers, the delivery
 * forwarder, the database proxy), each checked by what it does to the real processes and traffic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosPlatformIT {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();
    private static final Duration SAGA_BOUND = Duration.ofMinutes(3);
    private static final Random RANDOM = new Random(7);

    private static ChaosPlatform chaos;
    private static RunningPlatform platform;
    private static OrderflowClient client;
    private static SnapshotReader reader;
    private static int workloadSeed = 100;

    @BeforeAll
    static void start() {
        PlatformLayout layout = PlatformLayout.forTests(ROOT, Path.of("target/chaos-platform-it"), 3);
        chaos = ChaosPlatform.start(layout, Map.of(), (component, detail, took) -> {});
        platform = chaos.platform();
        client = new OrderflowClient(OrderflowClient.Endpoints.of(platform.layout()));
        reader = new SnapshotReader(client, new EventReader(platform.infra().kafkaBootstrapServers()));
    }

    @AfterAll
    static void closeLeavesNothingRunning() {
        if (chaos == null) {
            return;
        }
        List<Long> pids = new ArrayList<>(platform.services().stream().map(ChildProcess::pid).toList());
        pids.add(platform.provider().pid());
        pids.addAll(platform.infra().kafka().brokerPids());
        pids.add(platform.infra().postgres().pid());
        platform.infra().registry().ifPresent(r -> pids.add(r.pid()));
        int proxyPort = chaos.proxy().port();

        chaos.close();

        pids.removeIf(pid -> pid <= 0);
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("pid %d still running after close()", pid).isFalse());
        assertThat(dev.orderflow.infra.Ports.isListening(proxyPort)).as("database proxy still listening").isFalse();
    }

    @Test
    @Order(1)
    void consumersReadTheDeliveryTopicsAndSagasCompleteThroughTheForwarder() throws Exception {
        List<String> orders = placeHappyOrders(3);

        assertThat(reader.awaitTerminal(orders, SAGA_BOUND)).as("orders not terminal").isEmpty();
        assertThat(orders).allSatisfy(id -> assertThat(status(id)).isEqualTo("SHIPPED"));
        assertThat(chaos.forwarder().forwarded()).isPositive();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Set<String>> consumed = consumedTopics();
            ChaosPlatform.CONSUMED.forEach((service, topics) -> assertThat(consumed.get(service)).as(service)
                    .containsExactlyInAnyOrderElementsOf(topics.stream().map(Topics::deliveredTopicOf).toList()));
        });
    }

    @Test
    @Order(2)
    void sameSeedDrawsTheSameTargets() {
        for (FaultType type : FaultType.values()) {
            Random first = new Random(42);
            Random second = new Random(42);
            List<String> targets = new ArrayList<>();
            List<String> again = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                targets.add(chaos.fault(type, first).target());
                again.add(chaos.fault(type, second).target());
            }
            assertThat(again).as(type.scenario()).isEqualTo(targets);
        }
    }

    @Test
    @Order(3)
    void duplicateDeliveryRedeliversRecordsWithTheirEventIds() {
        DuplicateDelivery fault = (DuplicateDelivery) chaos.fault(FaultType.DUPLICATE_DELIVERY, RANDOM);
        fault.inject();
        fault.heal();

        assertThat(fault.eventIds()).isNotEmpty().doesNotContainNull();
        String delivered = Topics.deliveredTopicOf(fault.target());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Long> copies = records(delivered).stream()
                    .collect(Collectors.groupingBy(r -> DuplicateDelivery.header(r, CloudEventHeaders.ID), Collectors.counting()));
            assertThat(fault.eventIds()).allSatisfy(id -> assertThat(copies.get(id)).as("copies of %s", id).isGreaterThanOrEqualTo(2));
        });
        // The producers' topic keeps each event once: the checker reads it.
        Map<String, Long> original = records(fault.target()).stream()
                .collect(Collectors.groupingBy(r -> DuplicateDelivery.header(r, CloudEventHeaders.ID), Collectors.counting()));
        assertThat(fault.eventIds()).allSatisfy(id -> assertThat(original.get(id)).isEqualTo(1));
        assertThat(fault.detail()).contains("again", "ce_id");
    }

    @Test
    @Order(4)
    void ordersPlacedWhileDeliveryIsHeldAndShuffledStillComplete() throws Exception {
        ReorderDelay fault = (ReorderDelay) chaos.fault(FaultType.REORDER_DELAY, RANDOM);
        fault.inject();
        List<String> orders = placeHappyOrders(4);
        // Held at least their OrderPlaced events before the hold ends.
        await().atMost(Duration.ofSeconds(60)).until(() -> chaos.forwarder().heldSoFar() >= orders.size());
        fault.heal();

        assertThat(fault.detail()).startsWith("held ").doesNotStartWith("held 0 ");
        assertThat(reader.awaitTerminal(orders, SAGA_BOUND)).as("orders not terminal").isEmpty();
        assertThat(orders).allSatisfy(id -> assertThat(status(id)).isEqualTo("SHIPPED"));
    }

    @Test
    @Order(5)
    void poisonRecordsEndOnTheDeadLetterTopicOncePerConsumer() {
        PoisonRecords fault = (PoisonRecords) chaos.fault(FaultType.POISON, RANDOM);
        fault.inject();
        fault.heal();

        assertThat(fault.eventIds()).hasSize(3);
        assertThat(chaos.poisonEventIds()).containsAll(fault.eventIds());
        long consumers = ChaosPlatform.CONSUMED.values().stream().filter(t -> t.contains(fault.target())).count();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, Long> deadLettered = records(Topics.deadLetterTopicOf(fault.target())).stream()
                    .map(r -> DuplicateDelivery.header(r, CloudEventHeaders.ID))
                    .filter(fault.eventIds()::contains)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            // Once per consumer that handles the type (one that ignores it skips it undecoded).
            assertThat(deadLettered).containsOnlyKeys(fault.eventIds());
            assertThat(deadLettered.values()).allSatisfy(n -> assertThat(n).isBetween(1L, consumers));
        });
    }

    @Test
    @Order(6)
    void theRegistryRefusesAnIncompatibleSchema() {
        IncompatibleSchema fault = (IncompatibleSchema) chaos.fault(FaultType.INCOMPATIBLE_SCHEMA, RANDOM);
        fault.inject();
        fault.heal();

        assertThat(fault.refused()).isTrue();
        assertThat(fault.detail()).contains("refused", fault.target());
    }

    @Test
    @Order(7)
    void theProviderTimesOutChargesWhileInjectedAndAnswersAfterHeal() throws Exception {
        Fault fault = chaos.fault(FaultType.PROVIDER_CHARGE_TIMEOUT, RANDOM);
        fault.inject();
        assertThat(ProviderChargeTimeout.settings(platform.layout().providerUrl())).contains("\"chargeThenTimeoutRate\":0.5");
        long injectedBefore = ProviderChargeTimeout.injected(platform.layout().providerUrl());
        List<String> orders = placeHappyOrders(6);
        fault.heal();

        assertThat(ProviderChargeTimeout.settings(platform.layout().providerUrl())).contains("\"chargeThenTimeoutRate\":0.0");
        // Heal waited until the fault had cut a charge (the provider's seeded draws make it one of these six).
        assertThat(ProviderChargeTimeout.injected(platform.layout().providerUrl())).isGreaterThan(injectedBefore);
        assertThat(fault.detail()).containsPattern("; cut [1-9]");
        assertThat(reader.awaitTerminal(orders, SAGA_BOUND)).as("orders not terminal").isEmpty();
        assertThat(orders).allSatisfy(id -> assertThat(status(id)).isEqualTo("SHIPPED"));
    }

    @Test
    @Order(8)
    void databaseCutBreaksConnectionsThroughTheProxyUntilHealed() throws Exception {
        String url = chaos.proxy().jdbcUrl("order_db");
        String user = platform.infra().username();
        String password = platform.infra().password();
        Fault fault = chaos.fault(FaultType.DB_CUT, RANDOM);
        try (Connection open = DriverManager.getConnection(url, user, password)) {
            assertThat(selectOne(open)).isEqualTo(1);

            fault.inject();

            assertThatThrownBy(() -> selectOne(open)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close()).isInstanceOf(SQLException.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> !ChaosPlatform.isReady(platform, "order-service"));
        }
        fault.heal();

        try (Connection again = DriverManager.getConnection(url, user, password)) {
            assertThat(selectOne(again)).isEqualTo(1);
        }
        assertThat(ChaosPlatform.SERVICES).allSatisfy(s -> assertThat(ChaosPlatform.isReady(platform, s)).as(s).isTrue());
        List<String> orders = placeHappyOrders(2);
        assertThat(reader.awaitTerminal(orders, SAGA_BOUND)).as("orders not terminal").isEmpty();
    }

    @Test
    @Order(9)
    void pausedServiceIsFrozenUntilHealed() {
        Fault fault = chaos.fault(FaultType.CONSUMER_PAUSE, RANDOM);
        ChildProcess process = platform.process(fault.target());
        fault.inject();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(processState(process.pid())).as("state of %s", fault.target()).isEqualTo('T'));
        assertThat(ChaosPlatform.isReady(platform, fault.target())).isFalse();
        fault.heal();

        assertThat(processState(process.pid())).isNotEqualTo('T');
        assertThat(ChaosPlatform.isReady(platform, fault.target())).isTrue();
        assertThat(platform.process(fault.target()).pid()).isEqualTo(process.pid());
    }

    @Test
    @Order(10)
    void killedServiceIsGoneUntilRestartedByHeal() {
        Fault fault = chaos.fault(FaultType.SERVICE_KILL, RANDOM);
        long pid = platform.process(fault.target()).pid();
        fault.inject();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        fault.heal();

        assertThat(platform.process(fault.target()).pid()).isNotEqualTo(pid);
        assertThat(ChaosPlatform.isReady(platform, fault.target())).isTrue();
    }

    @Test
    @Order(11)
    void consumerHaltsBetweenItsCommitAndItsOffsetCommitAndRecovers() throws Exception {
        haltsAtItsFaultPointAndRecovers(FaultType.CONSUMER_CRASH);
    }

    @Test
    @Order(12)
    void relayHaltsBetweenPublishAndMarkAndRecovers() throws Exception {
        haltsAtItsFaultPointAndRecovers(FaultType.RELAY_CRASH);
    }

    private void haltsAtItsFaultPointAndRecovers(FaultType type) throws Exception {
        FaultPointCrash fault = (FaultPointCrash) chaos.fault(type, RANDOM);
        fault.inject();
        // Every service consumes and publishes on the happy path: these orders reach the point. One
        // at a time: once order-service halts, the next ones are refused until heal.
        List<String> orders = placeHappyOrdersWhileTheyAreAccepted(3);
        fault.heal();

        assertThat(fault.exitStatus()).as(fault.detail()).isEqualTo(FaultPointCrash.HALT_STATUS);
        assertThat(fault.detail()).contains("halted at " + fault.point());
        assertThat(ChaosPlatform.isReady(platform, fault.target())).isTrue();
        assertThat(reader.awaitTerminal(orders, SAGA_BOUND)).as("orders not terminal").isEmpty();
        assertThat(orders).allSatisfy(id -> assertThat(status(id)).isEqualTo("SHIPPED"));
    }

    @Test
    @Order(13)
    void killedBrokerFailsOverAndRejoinsOnHeal() throws Exception {
        BrokerKill fault = (BrokerKill) chaos.fault(FaultType.BROKER_KILL, RANDOM);
        LocalKafkaCluster cluster = (LocalKafkaCluster) platform.infra().kafka();
        fault.inject();

        assertThat(ProcessHandle.of(fault.killedPid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        // The controller notices the broker's absence when its session expires.
        await().atMost(Duration.ofSeconds(60)).until(() -> !cluster.complete());
        List<String> orders = placeHappyOrders(3);
        fault.heal();

        assertThat(cluster.complete()).isTrue();
        assertThat(cluster.node(fault.nodeId()).isAlive()).isTrue();
        assertThat(cluster.node(fault.nodeId()).pid()).isNotEqualTo(fault.killedPid());
        assertThat(reader.awaitTerminal(orders, SAGA_BOUND)).as("orders not terminal").isEmpty();
        assertThat(orders).allSatisfy(id -> assertThat(status(id)).isEqualTo("SHIPPED"));
    }

    @Test
    @Order(14)
    void aGracefulStopUnderLoadCommitsEachPlacementWholeOrNotAtAll() throws Exception {
        // Eight clients place orders back to back while order-service is stopped (SIGTERM) and
        // started again: requests are in flight when the stop begins. A chaos run once found orders
        // committed without their PLACED step this way; order-service's StoppingService*Test
        // reproduce that moment exactly, this checks the whole stop on the real platform.
        List<SagaWorkload.PlannedOrder> plan = SagaWorkload.plan(5_000, workloadSeed++);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean placing = new AtomicBoolean(true);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            clients.execute(() -> {
                int i;
                while (placing.get() && (i = next.getAndIncrement()) < plan.size()) {
                    SagaWorkload.PlannedOrder order = plan.get(i);
                    try {
                        OrderflowClient.Reply reply = client.placeOrder(order.body(), order.idempotencyKey());
                        if (reply.ok()) {
                            accepted.add(reply.body().path("orderId").asText());
                            continue;
                        }
                    } catch (IllegalStateException noAnswer) {
                        // connection refused or closed while the service stops
                    }
                    refused.incrementAndGet();
                    sleep(Duration.ofMillis(100));
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 20);
            platform.restart("order-service");
            int acceptedAtRestart = accepted.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= acceptedAtRestart + 20);
        } finally {
            placing.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(refused.get()).as("requests that reached the service while it stopped").isPositive();
        Map<String, String> all = reader.allOrders();
        assertThat(all.keySet()).containsAll(accepted);
        assertThat(all.keySet()).allSatisfy(id -> assertThat(client.order(id).body().path("history").path(0).path("to").asText())
                .as("first step of order %s", id).isEqualTo("PLACED"));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> placeHappyOrders(int count) {
        List<SagaWorkload.PlannedOrder> plan = SagaWorkload.plan(count * 10, workloadSeed++).stream()
                .filter(p -> p.path() == OrderPath.HAPPY).limit(count).toList();
        List<SagaWorkload.PlacedOrder> placed = SagaWorkload.run(plan, client, count);
        assertThat(placed).allSatisfy(p -> assertThat(p.orderId()).as("placed: %s", p.error()).isNotNull());
        return placed.stream().map(SagaWorkload.PlacedOrder::orderId).toList();
    }

    private static List<String> placeHappyOrdersWhileTheyAreAccepted(int count) {
        List<SagaWorkload.PlannedOrder> plan = SagaWorkload.plan(count * 10, workloadSeed++).stream()
                .filter(p -> p.path() == OrderPath.HAPPY).limit(count).toList();
        List<String> placed = SagaWorkload.run(plan, client, 1).stream().map(SagaWorkload.PlacedOrder::orderId)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(placed).as("orders accepted").isNotEmpty();
        return placed;
    }

    private static String status(String orderId) {
        return client.order(orderId).body().path("status").asText();
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The state letter of /proc/<pid>/stat: T is stopped by a signal. */
    private static char processState(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
            return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the state of pid " + pid, e);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infra().kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Topics each service's consumer group is assigned now, by group id (= service name). */
    private static Map<String, Set<String>> consumedTopics() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infra().kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(ChaosPlatform.SERVICES)
                    .all().get(30, TimeUnit.SECONDS);
            return groups.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().members().stream()
                    .map(MemberDescription::assignment)
                    .flatMap(a -> a.topicPartitions().stream())
                    .map(TopicPartition::topic)
                    .collect(Collectors.toSet())));
        }
    }
}
