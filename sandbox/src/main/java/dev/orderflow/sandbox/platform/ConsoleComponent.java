package dev.orderflow.sandbox.platform;

import dev.orderflow.infra.InfraException;
import dev.orderflow.infra.Jdk;
import dev.orderflow.infra.Ports;
import dev.orderflow.infra.process.ChildProcess;
import dev.orderflow.infra.process.LocalJvmFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console (module {@code console}) as one more component of a running platform: its own JVM,
 * started after the services, told only the platform's public addresses (REST, Kafka), stopped by
 * its pid file with the rest. Optional: when the console was not built, the platform runs without it.
 */
public final class ConsoleComponent {
    public static final String NAME = "console";
    public static final int PORT = 8080;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private ConsoleComponent() {}

    public static Path jar(Path root) {
        return root.resolve("console/target/quarkus-app/quarkus-run.jar");
    }

    public static boolean built(Path root) {
        return Files.isRegularFile(jar(root));
    }

    /** The CLI's port: ORDERFLOW_CONSOLE_PORT, else 8080. */
    public static int cliPort() {
        String value = System.getenv("ORDERFLOW_CONSOLE_PORT");
        if (value == null || value.isBlank()) {
            return PORT;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ORDERFLOW_CONSOLE_PORT must be a port number, was '" + value + "'");
        }
    }

    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the console against {@code platform} on {@code port} and waits until it answers ready. */
    public static ChildProcess start(RunningPlatform platform, int port, Platform.Progress progress) {
        PlatformLayout layout = platform.layout();
        if (!built(layout.root())) {
            throw new InfraException("The console is not built (" + jar(layout.root()) + "): ./mvnw -B package -DskipTests -pl console -am");
        }
        Ports.requireFree(port, NAME, "set ORDERFLOW_CONSOLE_PORT to another port");
        long begin = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(Jdk.javaExecutable(21).toString(), "-Xms32m", "-Xmx256m"));
        command.addAll(LocalJvmFlags.LEAN);
        command.addAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Dorderflow.marker=" + layout.infra().marker(), "-Dorderflow.component=" + NAME));
        config(platform, port).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar(layout.root()).toString()));
        ChildProcess process = ChildProcess.start(NAME, command, layout.infra().marker(),
                layout.stateDir().resolve("work").resolve(NAME), layout.logFile(NAME), layout.pidFile(NAME), Map.of(),
                layout.infra().owned());
        try {
            process.awaitReady(START_TIMEOUT, () -> isReady(port));
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        progress.ready(NAME, url(port), Duration.ofNanos(System.nanoTime() - begin));
        return process;
    }

    /** Only public addresses: the services' and the provider's URLs, Kafka, and where the CLI lives (chaos runs). */
    static Map<String, String> config(RunningPlatform platform, int port) {
        PlatformLayout layout = platform.layout();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("console.kafka-bootstrap", platform.infra().kafkaBootstrapServers());
        config.put("console.provider-url", layout.providerUrl());
        layout.services().forEach(s -> config.put("console.services." + s.name(), s.url()));
        config.put("console.orderflow-home", layout.root().toString());
        config.put("console.work-dir", layout.stateDir().resolve("console").toString());
        // A trace UI (e.g. Jaeger's, when a collector is configured): the saga page links an order's trace.
        String traceUi = System.getenv("ORDERFLOW_TRACE_UI");
        if (traceUi != null && !traceUi.isBlank()) {
            config.put("console.trace-ui", traceUi.trim());
        }
        return config;
    }

    public static boolean isReady(int port) {
        return Platform.answers200(url(port) + "/q/health/ready");
    }
}
