package dev.orderflow.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the platform's public surfaces are: the console is given addresses, never credentials. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** Kafka, read through the console's own consumer group. */
    String kafkaBootstrap();

    /** Service name (order-service, ...) → its base URL. */
    Map<String, String> services();

    /** The payment provider stub (its admin API injects provider faults). */
    String providerUrl();

    /** The project root: where the `orderflow` CLI a chaos run is started with lives. */
    Path orderflowHome();

    /** Where chaos runs started from the console keep their state and reports. */
    Path workDir();

    /** A trace UI (Jaeger) base URL; the saga page links an order's trace when set. */
    Optional<String> traceUi();

    /** How often the services page samples health, metrics and consumer lag. */
    @WithDefault("2")
    int sampleSeconds();
}
