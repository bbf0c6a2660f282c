package dev.orderflow.console.chaos;

import dev.orderflow.console.config.ConsoleConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Starts `orderflow chaos` as a child process — the CLI's own runner, nemesis and checker, not a
 * second implementation. In its own JVM it runs on ports and a state directory of its own (the
 * CLI takes both from the environment), so its fresh three-broker platform never clashes with the
 * platform the console watches, and a run cannot take the console down. One run at a time.
 */
@ApplicationScoped
public class ChaosRuns {
    public static final Set<String> SCENARIOS = Set.of("all", "duplicate-delivery", "reorder-delay", "consumer-crash",
            "relay-crash", "service-kill", "broker-kill", "db-cut", "consumer-pause", "poison", "incompatible-schema",
            "provider-charge-timeout");
    private static final Pattern MODE = Pattern.compile("patterns|naive");
    private final ConsoleConfig config;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<ChaosRun> runs = new ArrayList<>();
    private volatile Process current;

    ChaosRuns(ConsoleConfig config) {
        this.config = config;
    }

    /** What the form asks for; checked here, as the CLI would (it gets nothing it would refuse). */
    public record Request(String scenario, int orders, long seed, String mode, int durationSeconds) {
        public Request {
            if (!SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException("unknown scenario " + scenario);
            }
            if (orders < 1 || orders > 5000) {
                throw new IllegalArgumentException("orders must be 1 to 5000");
            }
            if (!MODE.matcher(mode).matches()) {
                throw new IllegalArgumentException("mode must be patterns or naive");
            }
            if (durationSeconds < 10 || durationSeconds > 3600) {
                throw new IllegalArgumentException("duration must be 10 to 3600 seconds");
            }
        }
    }

    public synchronized Optional<ChaosRun> latest() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getLast());
    }

    public synchronized Optional<ChaosRun> byId(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public synchronized ChaosRun start(Request request) {
        if (runs.stream().anyMatch(r -> !r.finished())) {
            throw new IllegalStateException("a chaos run is already running; wait for its verdict");
        }
        Path jar = config.orderflowHome().resolve("sandbox/target/sandbox-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the orderflow CLI is not built (" + jar + ")");
        }
        String id = "run-" + counter.incrementAndGet();
        Path outDir = config.workDir().resolve("chaos-runs").resolve(id + "-" + System.currentTimeMillis());
        List<String> arguments = List.of("chaos", "--scenario", request.scenario(), "--orders", String.valueOf(request.orders()),
                "--seed", String.valueOf(request.seed()), "--mode", request.mode(), "--duration", request.durationSeconds() + "s",
                // Short runs from the page: settle as long as the run lasted, at least a minute.
                "--settle", Math.max(60, request.durationSeconds()) + "s", "--out", outDir.toString());
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                "-Dorg.jboss.logging.provider=slf4j", "-Dorderflow.home=" + config.orderflowHome(), "-jar", jar.toString()));
        command.addAll(arguments);
        ChaosRun run = new ChaosRun(id, String.join(" ", arguments.subList(0, arguments.size() - 2)), outDir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(ownPorts());
        // A state directory per run: a run stopped half-way (the console stopping) cannot leave a half-unpacked
        // PostgreSQL behind for the next one.
        builder.environment().put("ORDERFLOW_STATE_DIR", outDir.resolve("state").toString());
        try {
            Files.createDirectories(outDir);
            current = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the orderflow CLI: " + e.getMessage(), e);
        }
        runs.add(run);
        Process process = current;
        Thread.ofPlatform().name("chaos-" + id).daemon().start(() -> follow(process, run));
        return run;
    }

    private void follow(Process process, ChaosRun run) {
        // Kept beside the run's report too: the page shows only the last lines.
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var log = Files.newBufferedWriter(run.outDir().resolve("cli.log"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                run.println(line);
                log.write(line);
                log.newLine();
                log.flush();
            }
        } catch (IOException e) {
            run.println("(output ended: " + e.getMessage() + ")");
        }
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        String summary = null;
        try {
            Path file = run.outDir().resolve("summary.txt");
            summary = Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            run.println("(cannot read summary.txt: " + e.getMessage() + ")");
        }
        run.finish(code, summary);
    }

    /** The same JVM the console runs on (a JDK >= 21, as the CLI needs). */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Free ports for every component the chaos platform listens on (the CLI reads them from the
     * environment): three brokers at base..base+2 with controllers at base+100.., the registry at
     * p and p+1 for its management port.
     */
    static Map<String, String> ownPorts() {
        int kafka = freeBlock(new int[] {0, 1, 2, 100, 101, 102});
        int registry = freeBlock(new int[] {0, 1});
        return Map.of("ORDERFLOW_KAFKA_PORT", String.valueOf(kafka),
                "ORDERFLOW_REGISTRY_PORT", String.valueOf(registry),
                "ORDERFLOW_POSTGRES_PORT", String.valueOf(freeBlock(new int[] {0})),
                "ORDERFLOW_ORDER_PORT", String.valueOf(freeBlock(new int[] {0})),
                "ORDERFLOW_INVENTORY_PORT", String.valueOf(freeBlock(new int[] {0})),
                "ORDERFLOW_PAYMENT_PORT", String.valueOf(freeBlock(new int[] {0})),
                "ORDERFLOW_SHIPPING_PORT", String.valueOf(freeBlock(new int[] {0})),
                "ORDERFLOW_PROVIDER_PORT", String.valueOf(freeBlock(new int[] {0})));
    }

    /** Below the kernel's ephemeral range (32768+), where outgoing connections take their local ports. */
    private static int freeBlock(int[] offsets) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            boolean free = true;
            for (int offset : offsets) {
                free &= isFree(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free ports for a chaos platform");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A run still going when the console stops is stopped with it (the CLI then stops its platform). */
    void stop(@Observes ShutdownEvent shutdown) {
        Process process = current;
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
