package dev.orderflow.sandbox.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * One of the four services as the platform runs it: a fast-jar in its own JVM, on a fixed port,
 * with its own database. {@code extraConfig} carries service-specific system properties.
 */
public record ServiceSpec(String name, int port, String database, Map<String, String> extraConfig) {

    public Path jar(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
