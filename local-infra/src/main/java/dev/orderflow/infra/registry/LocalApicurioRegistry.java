package dev.orderflow.infra.registry;

import dev.orderflow.infra.InfraException;
import dev.orderflow.infra.Jdk;
import dev.orderflow.infra.Ports;
import dev.orderflow.infra.process.ChildProcess;
import dev.orderflow.infra.process.LocalJvmFlags;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Apicurio Registry 3.x from its published server distribution, as a child JVM (it needs
 * Java 21+). Storage is in-memory unless a data directory is given (then an H2 file, so
 * schema ids in old records stay resolvable across restarts).
 */
public final class LocalApicurioRegistry implements SchemaRegistry {
    private static final Logger LOG = Logger.getLogger(LocalApicurioRegistry.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public record Spec(int port, int managementPort, Path distributionDir, Path persistentDataDir, Path workDir,
            Path logDir, Path pidDir, String marker, boolean owned) {}

    private final ChildProcess process;
    private final String apiUrl;

    private LocalApicurioRegistry(ChildProcess process, String apiUrl) {
        this.process = process;
        this.apiUrl = apiUrl;
    }

    public static LocalApicurioRegistry start(Spec spec) {
        Path runner = spec.distributionDir().resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            throw new InfraException("Apicurio Registry distribution not found at " + spec.distributionDir()
                    + ". Build it with `./mvnw -pl local-infra-binaries package` (the full build does this).");
        }
        Path java = Jdk.find(21).orElseThrow(() -> new InfraException("Apicurio Registry needs a JDK >= 21 and none was "
                + "found (running JVM, JAVA_HOME, PATH, /usr/lib/jvm/*). Install one (e.g. Temurin 21+) and set JAVA_HOME."));
        int port = Ports.resolve(spec.port());
        int management = Ports.resolve(spec.managementPort());
        if (spec.port() != 0) {
            Ports.requireFree(port, "Apicurio Registry", "set ORDERFLOW_REGISTRY_PORT to another port");
            Ports.requireFree(management, "Apicurio Registry (management)", "set ORDERFLOW_REGISTRY_PORT to another port");
        }
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xms64m", "-Xmx384m"));
        command.addAll(LocalJvmFlags.LEAN);
        command.addAll(List.of("-Dorderflow.component=registry", "-Dorderflow.marker=" + spec.marker(),
                "-Dquarkus.http.host=" + Ports.LOOPBACK, "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=" + Ports.LOOPBACK, "-Dquarkus.management.port=" + management,
                "-Dquarkus.log.console.color=false"));
        if (spec.persistentDataDir() != null) {
            command.add("-Dapicurio.datasource.url=jdbc:h2:file:"
                    + spec.persistentDataDir().toAbsolutePath().resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        command.addAll(List.of("-jar", runner.toAbsolutePath().toString()));
        ChildProcess process = ChildProcess.start("registry", command, spec.marker(), spec.workDir(),
                spec.logDir().resolve("registry.log"), spec.pidDir().resolve("registry.pid"), Map.of(), spec.owned());
        try {
            String health = "http://" + Ports.LOOPBACK + ":" + management + "/health/ready";
            process.awaitReady(Duration.ofSeconds(120), () -> isOk(health));
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        String apiUrl = "http://" + Ports.LOOPBACK + ":" + port + "/apis/registry/v3";
        LOG.infof("Apicurio Registry ready at %s", apiUrl);
        return new LocalApicurioRegistry(process, apiUrl);
    }

    static boolean isOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String apiUrl() {
        return apiUrl;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop();
    }
}
