package dev.orderflow.sandbox.platform;

import dev.orderflow.events.Topics;
import dev.orderflow.infra.InfraException;
import dev.orderflow.infra.Jdk;
import dev.orderflow.infra.LocalInfra;
import dev.orderflow.infra.Ports;
import dev.orderflow.infra.RunningInfra;
import dev.orderflow.infra.process.ChildProcess;
import dev.orderflow.infra.process.LocalJvmFlags;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts and stops the whole platform the same way for the CLI and for the end-to-end tests:
 * infrastructure first (Kafka, PostgreSQL, registry), then topics and one database per service,
 * then the four services as separate JVMs, each awaited on its readiness endpoint.
 */
public final class Platform {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

    /** Receives one line per component as it becomes ready. */
    public interface Progress {
        void ready(String component, String detail, Duration took);
    }

    /**
     * A step between the infrastructure and the services: it may start what the services must
     * reach through (a proxy, a forwarder) and returns the layout to start them with. The
     * running platform keeps that layout, so a restarted service gets the same configuration.
     */
    public interface Preparation {
        PlatformLayout prepare(RunningInfra infra, PlatformLayout layout);

        Preparation NONE = (infra, layout) -> layout;
    }

    private Platform() {}

    public static RunningPlatform up(PlatformLayout layout, Progress progress) {
        return up(layout, progress, Preparation.NONE);
    }

    public static RunningPlatform up(PlatformLayout layout, Progress progress, Preparation preparation) {
        List<Path> missing = layout.services().stream().map(s -> s.jar(layout.root())).filter(j -> !Files.isRegularFile(j)).toList();
        if (!missing.isEmpty()) {
            throw new InfraException("Service builds are missing: " + missing
                    + ". Build them with `./mvnw -B package -DskipTests` (./orderflow does this by itself).");
        }
        LocalInfra.stopRecorded(layout.stateDir());
        // Checked before anything starts: another process on a service's port would answer its
        // readiness probe and pass for the service.
        layout.services().forEach(s -> Ports.requireFree(s.port(), s.name(),
                "set ORDERFLOW_" + s.name().replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_PORT to another port"));
        Ports.requireFree(layout.providerPort(), PlatformLayout.PROVIDER, "set ORDERFLOW_PROVIDER_PORT to another port");
        RunningInfra infra = LocalInfra.start(layout.infra(), progress::ready);
        List<ChildProcess> services = new ArrayList<>();
        ChildProcess provider = null;
        try {
            for (String topic : Topics.ALL) {
                infra.createTopic(topic, Topics.PARTITIONS);
            }
            layout.services().forEach(s -> infra.createDatabase(s.database()));
            infra.createDatabase(PlatformLayout.PROVIDER_DATABASE);
            PlatformLayout prepared = preparation.prepare(infra, layout);
            provider = startProvider(prepared, infra, progress);
            List<CompletableFuture<ChildProcess>> starting = prepared.services().stream()
                    .map(service -> CompletableFuture.supplyAsync(() -> startService(prepared, infra, service, progress)))
                    .toList();
            for (CompletableFuture<ChildProcess> future : starting) {
                try {
                    services.add(future.join());
                } catch (CompletionException e) {
                    starting.forEach(f -> f.thenAccept(ChildProcess::stop));
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
                }
            }
            RunningPlatform platform = new RunningPlatform(prepared, infra, provider, services);
            writeStateFile(prepared, platform.endpoints());
            return platform;
        } catch (RuntimeException e) {
            services.forEach(ChildProcess::stop);
            if (provider != null) {
                provider.stop();
            }
            if (layout.infra().owned()) {
                infra.close();
            } else {
                LocalInfra.stopRecorded(layout.stateDir());
            }
            throw e;
        }
    }

    /** How long `down` waits after SIGTERM before it sends SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** Stops every process recorded in the state directory; returns the components that were running. */
    public static List<String> down(PlatformLayout layout) {
        List<String> running = status(layout).stream().filter(ComponentStatus::running).map(ComponentStatus::name).toList();
        // Services first, so none of them logs connection errors while the infrastructure goes away.
        layout.services().parallelStream().forEach(s -> ChildProcess.stopRecorded(layout.pidFile(s.name()), STOP_GRACE));
        ChildProcess.stopRecorded(layout.pidFile(PlatformLayout.PROVIDER), STOP_GRACE);
        LocalInfra.stopRecorded(layout.stateDir());
        return running;
    }

    public static List<ComponentStatus> status(PlatformLayout layout) {
        List<ComponentStatus> statuses = new ArrayList<>();
        Path pids = layout.infra().pidDir();
        Map<String, String> endpoints = readStateFile(layout);
        List<String> infraComponents = new ArrayList<>(List.of("postgres", "registry"));
        for (int i = 1; i <= layout.infra().kafkaBrokers(); i++) {
            infraComponents.add("kafka-" + i);
        }
        for (String component : infraComponents) {
            Optional<ProcessHandle> process = ChildProcess.recordedProcess(pids.resolve(component + ".pid"));
            statuses.add(new ComponentStatus(component, process.map(ProcessHandle::pid).orElse(-1L), process.isPresent(),
                    process.isPresent(), endpoints.getOrDefault(component.startsWith("kafka-") ? "kafka" : component, "")));
        }
        Optional<ProcessHandle> providerProcess = ChildProcess.recordedProcess(layout.pidFile(PlatformLayout.PROVIDER));
        statuses.add(new ComponentStatus(PlatformLayout.PROVIDER, providerProcess.map(ProcessHandle::pid).orElse(-1L),
                providerProcess.isPresent(), providerProcess.isPresent() && isProviderReady(layout), layout.providerUrl()));
        for (ServiceSpec service : layout.services()) {
            Optional<ProcessHandle> process = ChildProcess.recordedProcess(layout.pidFile(service.name()));
            boolean ready = process.isPresent() && isReady(service);
            statuses.add(new ComponentStatus(service.name(), process.map(ProcessHandle::pid).orElse(-1L), process.isPresent(),
                    ready, service.url()));
        }
        return statuses;
    }

    public record ComponentStatus(String name, long pid, boolean running, boolean ready, String url) {}

    static ChildProcess startService(PlatformLayout layout, RunningInfra infra, ServiceSpec service, Progress progress) {
        long begin = System.nanoTime();
        ChildProcess process = launchService(layout, infra, service);
        try {
            awaitService(process, service);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        progress.ready(service.name(), service.url(), Duration.ofNanos(System.nanoTime() - begin));
        return process;
    }

    /** Starts the service's JVM without waiting for it. */
    static ChildProcess launchService(PlatformLayout layout, RunningInfra infra, ServiceSpec service) {
        List<String> command = new ArrayList<>(List.of(Jdk.javaExecutable(21).toString(), "-Xms64m", "-Xmx384m"));
        command.addAll(LocalJvmFlags.LEAN);
        // --add-opens: jboss-threads resets thread locals reflectively, which Java 24+ refuses otherwise.
        command.addAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Dorderflow.marker=" + layout.infra().marker(), "-Dorderflow.component=" + service.name()));
        serviceConfig(infra, service).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", service.jar(layout.root()).toString()));
        return ChildProcess.start(service.name(), command, layout.infra().marker(),
                layout.stateDir().resolve("work").resolve(service.name()), layout.logFile(service.name()),
                layout.pidFile(service.name()), Map.of(), layout.infra().owned());
    }

    /** Waits until the service answers its readiness probe; fails early if it exits. */
    static void awaitService(ChildProcess process, ServiceSpec service) {
        process.awaitReady(SERVICE_START_TIMEOUT, () -> isReady(service));
    }

    /**
     * The payment provider stub in its own JVM, on its own database: the services reach it only
     * over HTTP, as they would a real provider. Its classes ship with the sandbox (same classpath).
     */
    private static ChildProcess startProvider(PlatformLayout layout, RunningInfra infra, Progress progress) {
        long begin = System.nanoTime();
        List<String> command = List.of(Jdk.javaExecutable(21).toString(), "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
                "-Dorderflow.marker=" + layout.infra().marker(), "-Dorderflow.component=" + PlatformLayout.PROVIDER,
                "-cp", System.getProperty("java.class.path"), "dev.orderflow.provider.PaymentProviderMain",
                "--port", String.valueOf(layout.providerPort()),
                "--jdbc-url", infra.jdbcUrl(PlatformLayout.PROVIDER_DATABASE),
                "--user", infra.username(), "--password", infra.password());
        ChildProcess process = ChildProcess.start(PlatformLayout.PROVIDER, command, layout.infra().marker(),
                layout.stateDir().resolve("work").resolve(PlatformLayout.PROVIDER), layout.logFile(PlatformLayout.PROVIDER),
                layout.pidFile(PlatformLayout.PROVIDER), Map.of(), layout.infra().owned());
        try {
            process.awaitReady(SERVICE_START_TIMEOUT, () -> isProviderReady(layout));
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        progress.ready(PlatformLayout.PROVIDER, layout.providerUrl(), Duration.ofNanos(System.nanoTime() - begin));
        return process;
    }

    private static boolean isProviderReady(PlatformLayout layout) {
        return answers200(layout.providerUrl() + "/v1/admin/faults");
    }

    /** Everything a service needs to know about the platform, as Quarkus configuration. */
    static Map<String, String> serviceConfig(RunningInfra infra, ServiceSpec service) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.http.port", String.valueOf(service.port()));
        config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(service.database()));
        config.put("quarkus.datasource.username", infra.username());
        config.put("quarkus.datasource.password", infra.password());
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        infra.registry().ifPresent(r -> {
            config.put("orderflow.registry.url", r.apiUrl());
            config.put("mp.messaging.connector.smallrye-kafka.apicurio.registry.url", r.apiUrl());
        });
        // Traces leave the services only when a collector is named: then every trace is sampled.
        String otlp = System.getenv("ORDERFLOW_OTLP_ENDPOINT");
        if (otlp != null && !otlp.isBlank()) {
            config.put("quarkus.otel.exporter.otlp.traces.endpoint", otlp.trim());
            config.put("quarkus.otel.traces.sampler.arg", "1");
        }
        config.putAll(service.extraConfig());
        return config;
    }

    static boolean isReady(ServiceSpec service) {
        return answers200(service.url() + "/q/health/ready");
    }

    static boolean answers200(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void writeStateFile(PlatformLayout layout, Map<String, String> endpoints) {
        StringBuilder text = new StringBuilder("# Written by `orderflow up`: where each component listens.\n");
        endpoints.forEach((name, url) -> text.append(name).append('=').append(url).append('\n'));
        try {
            Files.writeString(layout.stateDir().resolve("platform.properties"), text);
        } catch (IOException e) {
            throw new InfraException("Cannot write " + layout.stateDir().resolve("platform.properties") + ": " + e.getMessage(), e);
        }
    }

    /** Where each component of a platform started by `up` listens (empty when it never started). */
    public static Map<String, String> endpoints(PlatformLayout layout) {
        return readStateFile(layout);
    }

    private static Map<String, String> readStateFile(PlatformLayout layout) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(layout.stateDir().resolve("platform.properties"))) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    endpoints.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            // Never started: no endpoints to show.
        }
        return endpoints;
    }
}
