package dev.orderflow.console.cli;

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Starts an `orderflow` CLI command (a chaos run, a lab) as a child process: the CLI's own code, not a
 * second implementation. In its own JVM it runs on ports and a state directory of its own (the CLI
 * takes both from the environment), so the fresh platform it starts never clashes with the platform
 * the console watches, and it cannot take the console down. One command at a time, whichever page
 * started it: each starts a whole platform, and two would starve this machine.
 */
@ApplicationScoped
public class OrderflowCli {
    private final ConsoleConfig config;
    private CliRun running;
    private volatile Process current;

    OrderflowCli(ConsoleConfig config) {
        this.config = config;
    }

    /**
     * Starts {@code orderflow <arguments> --out <dir>}, with a new directory under the console's work
     * directory ({@code <kind>-runs/<id>-<time>}) for the command's results; its output goes to the
     * run (the page follows it) and to {@code cli.log} there.
     */
    public synchronized CliRun start(String kind, String id, List<String> arguments) {
        if (running != null && !running.finished()) {
            throw new IllegalStateException("orderflow " + running.arguments() + " is still running; wait until it ends");
        }
        Path jar = config.orderflowHome().resolve("sandbox/target/sandbox-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the orderflow CLI is not built (" + jar + ")");
        }
        Path outDir = config.workDir().resolve(kind + "-runs").resolve(id + "-" + System.currentTimeMillis());
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                "-Dorg.jboss.logging.provider=slf4j", "-Dorderflow.home=" + config.orderflowHome(), "-jar", jar.toString()));
        command.addAll(arguments);
        command.addAll(List.of("--out", outDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(ownPorts());
        // A state directory per run: a run stopped half-way (the console stopping) cannot leave a half-unpacked
        // PostgreSQL behind for the next one.
        builder.environment().put("ORDERFLOW_STATE_DIR", outDir.resolve("state").toString());
        CliRun run = new CliRun(id, String.join(" ", arguments), outDir);
        try {
            Files.createDirectories(outDir);
            current = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the orderflow CLI: " + e.getMessage(), e);
        }
        running = run;
        Process process = current;
        Thread.ofPlatform().name("orderflow-" + id).daemon().start(() -> follow(process, run));
        return run;
    }

    private static void follow(Process process, CliRun run) {
        // Kept beside the run's results too: the page shows only the last lines.
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
        try {
            run.finish(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.finish(-1);
        }
    }

    /** The same JVM the console runs on (a JDK >= 21, as the CLI needs). */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Free ports for every component the CLI's platform listens on (it reads them from the
     * environment): up to three brokers at base..base+2 with controllers at base+100.., the registry
     * at p and p+1 for its management port.
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
        throw new IllegalStateException("no free ports for the CLI's platform");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A command still going when the console stops is stopped with it (the CLI then stops its platform). */
    void stop(@Observes ShutdownEvent shutdown) {
        Process process = current;
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
