package dev.orderflow.sandbox.bench;

import dev.orderflow.infra.RunningInfra;
import dev.orderflow.infra.process.ChildProcess;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import dev.orderflow.sandbox.platform.RunningPlatform;
import dev.orderflow.sandbox.platform.ServiceSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One bench run: starts the platform, measures the baselines, the relay drain, the saga with the
 * patterns on and then with the naive flags on, all in this one invocation, and stops it again.
 */
public final class BenchRunner {
    /** The naive flags: dual write instead of the outbox, no inbox, no sequence checks. */
    public static final Map<String, String> NAIVE_FLAGS = Map.of(
            "orderflow.messaging.naive.dual-write", "true",
            "orderflow.messaging.naive.no-inbox", "true",
            "orderflow.messaging.naive.no-sequence-checks", "true");
    /** quarkus.datasource.jdbc.max-size of every service. */
    static final int SERVICE_POOL_SIZE = 16;
    static final String PRODUCER_TOPIC = "bench.producer";
    private static final int PHASES = 8;

    /**
     * @param duration length of each load phase (each saga loop); the baselines take a third of it each
     * @param clients closed-loop clients (orders in flight)
     * @param drainRows outbox rows in the backlog
     */
    public record Settings(Duration duration, int clients, int drainRows, Path out, String command) {}

    private final PlatformLayout layout;
    private final Settings settings;
    private final PrintStream out;
    private final BenchProgress progress;

    public BenchRunner(PlatformLayout layout, Settings settings, PrintStream out, boolean terminal) {
        this.layout = layout;
        this.settings = settings;
        this.out = out;
        this.progress = new BenchProgress(out, terminal, PHASES);
    }

    public BenchReport run() throws SQLException, IOException {
        if (Platform.status(layout).stream().anyMatch(Platform.ComponentStatus::running)) {
            out.println("Stopping the running platform: the bench starts its own (data in " + layout.stateDir() + " is kept).");
            Platform.down(layout);
        }
        // Ctrl-C must not leave the bench's platform running: its processes outlive the CLI by design.
        Thread stopOnExit = new Thread(() -> Platform.down(layout), "bench-stop-platform");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        progress.phase(1, "starting the platform (Kafka, PostgreSQL fsync on, registry, provider, four services)");
        try {
            RunningPlatform platform = Platform.up(layout, (component, detail, took) ->
                    progress.result(String.format(Locale.ROOT, "ready %-18s %5.1f s", component, took.toMillis() / 1000.0)));
            return measure(platform);
        } finally {
            progress.phase(PHASES, "stopping the platform");
            Platform.down(layout);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // Interrupted (Ctrl-C): the hook is running already.
            }
        }
    }

    /**
     * Measures on a platform that is already up (with the patterns on) and writes the report; leaves
     * its services running with the naive flags.
     */
    public BenchReport measure(RunningPlatform platform) throws SQLException, IOException {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        RunningInfra infra = platform.infra();
        String user = infra.username();
        String password = infra.password();
        OrderflowClient client = new OrderflowClient(OrderflowClient.Endpoints.of(layout));
        BenchReport.Header header = header(infra, startedAt);
        Duration duration = settings.duration();
        Duration baseline = duration.dividedBy(3);

        try (TerminalWatcher watcher = new TerminalWatcher(infra.jdbcUrl("order_db"), user, password)) {
            try (Connection orderDb = DriverManager.getConnection(infra.jdbcUrl("order_db"), user, password)) {
                // An interrupted bench's backlog would hold the warm-up's events behind it in the relay.
                OutboxDrain.removeLeftovers(orderDb);
            }
            SagaLoad patternsLoad = new SagaLoad(client, watcher, "patterns-" + System.currentTimeMillis());
            patternsLoad.restock();
            progress.status("warm-up: the first order (cold code paths in every service)");
            patternsLoad.awaitFirstOrder(Duration.ofMinutes(3));

            progress.phase(2, "baselines: PostgreSQL commits, Kafka producer");
            infra.createDatabase("bench_db");
            double pgOne = PhysicalLimits.postgresCommitRate(infra.jdbcUrl("bench_db"), user, password, 1, baseline.dividedBy(2),
                    n -> progress.status("PostgreSQL, 1 connection: " + n + " commits"));
            double pgPool = PhysicalLimits.postgresCommitRate(infra.jdbcUrl("bench_db"), user, password, SERVICE_POOL_SIZE, baseline,
                    n -> progress.status("PostgreSQL, " + SERVICE_POOL_SIZE + " connections: " + n + " commits"));
            OutboxDrain.Template template;
            try (Connection orderDb = DriverManager.getConnection(infra.jdbcUrl("order_db"), user, password)) {
                template = OutboxDrain.template(orderDb);
            }
            // The registry's wire format adds a magic byte and a 4-byte schema id to the Avro payload.
            int eventBytes = template.payloadBytes() + 5;
            infra.createTopic(PRODUCER_TOPIC, 6);
            double kafka = PhysicalLimits.kafkaProducerRate(infra.kafkaBootstrapServers(), PRODUCER_TOPIC, eventBytes,
                    template.headers(), baseline, n -> progress.status("Kafka producer: " + n + " records acknowledged"));
            BenchReport.Baselines baselines = new BenchReport.Baselines(SERVICE_POOL_SIZE, pgOne, pgPool, eventBytes, kafka);
            progress.result(String.format(Locale.ROOT, "PostgreSQL %.0f commits/s (1 conn), %.0f (%d conns); Kafka %.0f records/s",
                    pgOne, pgPool, SERVICE_POOL_SIZE, kafka));

            progress.phase(3, "outbox relay drain: " + settings.drainRows() + " rows through order-service's relay");
            infra.createTopic(OutboxDrain.TOPIC, 6);
            BenchReport.Drain drain = OutboxDrain.run(platform, "order-service", "order_db", template, settings.drainRows(),
                    progress::status);
            progress.result(String.format(Locale.ROOT, "%.0f events/s (%.1f s)", drain.eventsPerSecond(), drain.seconds()));
            // Ready means its consumers own partitions again; the first order still runs cold code paths.
            progress.status("waiting for an order through the saga after order-service's restart");
            patternsLoad.awaitFirstOrder(Duration.ofMinutes(5));
            // The same warm-up as the naive phase's, on the same fresh JVM: before the drain it warmed
            // an order-service the drain then replaced, and short runs measured naive warmer (0.6).
            progress.status("warm-up: orders through the saga");
            patternsLoad.closedLoop(4, warmUp(duration), Duration.ZERO, progress::status);

            progress.phase(4, "saga, patterns on: closed loop (" + settings.clients() + " clients), then open loop at half of it");
            Map<String, ProcessHandle> components = components(platform);
            Map<String, Long> commitsBefore = CommitCount.sample(infra.jdbcUrl("postgres"), user, password);
            long watcherBefore = watcher.queries();
            Set<String> services = layout.services().stream().map(ServiceSpec::name).collect(Collectors.toCollection(LinkedHashSet::new));
            ProcessCpu.Sample cpuBefore = ProcessCpu.sample(components, services);
            BenchReport.ClosedLoop patternsClosed = patternsLoad.closedLoop(settings.clients(), duration, warmUp(duration), progress::status);
            ProcessCpu.Sample cpuAfter = ProcessCpu.sample(components, services);
            Map<String, Long> commitsAfter = CommitCount.sample(infra.jdbcUrl("postgres"), user, password);
            BenchReport.CommitBudget commits = new BenchReport.CommitBudget(CommitCount.HAPPY_ORDER, CommitCount.perOrder(
                    commitsBefore, commitsAfter, patternsClosed.terminalInRun(), watcher.queries() - watcherBefore));
            long costed = patternsClosed.terminalInRun();
            BenchReport.Cost cost = new BenchReport.Cost(costed, ProcessCpu.msPerOrder(cpuBefore, cpuAfter, costed),
                    ProcessCpu.threadMsPerOrder(cpuBefore, cpuAfter, costed), List.copyOf(services));
            progress.result(String.format(Locale.ROOT, "%.1f orders/s max; per order: services %.1f ms CPU, %.1f PostgreSQL transactions",
                    patternsClosed.ordersPerSecond(), cost.servicesCpuMsPerOrder(), commits.measuredPerOrder()));
            double halfLoad = Math.max(0.5, patternsClosed.ordersPerSecond() / 2);
            SagaLoad.OpenLoopRun patternsOpen = patternsLoad.openLoop(halfLoad, duration, progress::status);
            progress.result(latencyLine(patternsOpen.result()));
            progress.status("per-hop latency: reading the events back from Kafka and the inboxes");
            Map<String, String> inboxes = new LinkedHashMap<>();
            layout.services().forEach(s -> inboxes.put(s.name(), infra.jdbcUrl(s.database())));
            List<BenchReport.Hop> hops = HopLatency.measure(infra.kafkaBootstrapServers(), patternsOpen.orderIds(), inboxes, user, password);
            BenchReport.SagaRun patterns = new BenchReport.SagaRun("patterns", Map.of(), patternsClosed, patternsOpen.result());

            progress.phase(5, "restarting the four services with the naive flags (dual write, no inbox, no sequence checks)");
            CompletableFuture.allOf(layout.services().stream()
                    .map(s -> CompletableFuture.runAsync(() -> platform.restart(s.name(), NAIVE_FLAGS)))
                    .toArray(CompletableFuture[]::new)).join();

            progress.phase(6, "saga, naive flags on: the same closed loop, then the same open-loop rate");
            SagaLoad naiveLoad = new SagaLoad(client, watcher, "naive-" + System.currentTimeMillis());
            naiveLoad.restock();
            naiveLoad.awaitFirstOrder(Duration.ofMinutes(3));
            naiveLoad.closedLoop(4, warmUp(duration), Duration.ZERO, progress::status);
            BenchReport.ClosedLoop naiveClosed = naiveLoad.closedLoop(settings.clients(), duration, warmUp(duration), progress::status);
            progress.result(String.format(Locale.ROOT, "%.1f orders/s max", naiveClosed.ordersPerSecond()));
            SagaLoad.OpenLoopRun naiveOpen = naiveLoad.openLoop(halfLoad, duration, progress::status);
            progress.result(latencyLine(naiveOpen.result()));
            BenchReport.SagaRun naive = new BenchReport.SagaRun("naive", NAIVE_FLAGS, naiveClosed, naiveOpen.result());

            progress.phase(7, "report");
            BenchReport report = new BenchReport(header, baselines, drain, commits, patterns, naive, hops,
                    ProcessCpu.coresBusy(cpuBefore, cpuAfter), ProcessCpu.machineCoresBusy(cpuBefore, cpuAfter), cost);
            write(report);
            return report;
        }
    }

    private static Duration warmUp(Duration duration) {
        Duration third = duration.dividedBy(4);
        return third.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : third;
    }

    private static String latencyLine(BenchReport.OpenLoop open) {
        LatencySummary l = open.latency();
        return String.format(Locale.ROOT, "%.1f orders/s: p50 %.0f ms, p95 %.0f, p99 %.0f, max %.0f (%d/%d terminal)", open.targetRate(),
                l.p50(), l.p95(), l.p99(), l.max(), open.completed(), open.placed());
    }

    private void write(BenchReport report) throws IOException {
        Files.createDirectories(settings.out());
        Files.writeString(settings.out().resolve("bench.json"), ReportRenderer.json(report));
        Files.writeString(settings.out().resolve("bench.txt"), ReportRenderer.table(report));
        Files.writeString(settings.out().resolve("bench.html"), ReportRenderer.html(report));
    }

    /** The processes whose CPU the report shows, including the bench itself (the load generator). */
    private Map<String, ProcessHandle> components(RunningPlatform platform) {
        Map<String, ProcessHandle> components = new LinkedHashMap<>();
        platform.services().forEach(p -> ProcessHandle.of(p.pid()).ifPresent(h -> components.put(p.name(), h)));
        ProcessHandle.of(platform.provider().pid()).ifPresent(h -> components.put(PlatformLayout.PROVIDER, h));
        for (String infra : List.of("postgres", "kafka-1", "registry")) {
            ChildProcess.recordedProcess(layout.infra().pidDir().resolve(infra + ".pid")).ifPresent(h -> components.put(infra, h));
        }
        components.put("bench (load generator)", ProcessHandle.current());
        return components;
    }

    private BenchReport.Header header(RunningInfra infra, String startedAt) throws SQLException {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("orderflow", "0.1.0-SNAPSHOT");
        versions.put("quarkus", jarVersion(layout.root().resolve("order-service/target/quarkus-app/lib/main"),
                Pattern.compile("io\\.quarkus\\.quarkus-core-(.+)\\.jar")).orElse("?"));
        versions.put("kafka", jarVersion(layout.infra().binariesDir().resolve("kafka-libs"),
                Pattern.compile("kafka_2\\.13-(.+)\\.jar")).orElse("?"));
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.username(), infra.password());
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            versions.put("postgresql", rs.getString(1));
        }
        infra.registry().ifPresent(r -> versions.put("apicurio", registryVersion(r.apiUrl())));
        return new BenchReport.Header(startedAt, Runtime.getRuntime().availableProcessors(), memoryMiB(),
                System.getProperty("java.vendor") + " " + Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                versions, settings.command(), settings.duration().toSeconds());
    }

    private static Optional<String> jarVersion(Path dir, Pattern name) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches).map(m -> m.group(1)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String registryVersion(String apiUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(apiUrl + "/system/info")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher version = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            return version.find() ? version.group(1) : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static long memoryMiB() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(0L);
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().maxMemory() / (1024 * 1024);
        }
    }
}
