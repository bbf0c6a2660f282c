package dev.orderflow.sandbox.platform;

import dev.orderflow.infra.InfraSpec;
import dev.orderflow.infra.Ports;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Where the platform lives and which ports it uses. The CLI's defaults are fixed and documented
 * in the README (each can be overridden by an environment variable); tests take free ports and a
 * state directory under target/.
 */
public record PlatformLayout(Path root, InfraSpec infra, List<ServiceSpec> services, int providerPort) {

    public static final int ORDER_PORT = PlatformService.ORDER.defaultPort();
    public static final int INVENTORY_PORT = PlatformService.INVENTORY.defaultPort();
    public static final int PAYMENT_PORT = PlatformService.PAYMENT.defaultPort();
    public static final int SHIPPING_PORT = PlatformService.SHIPPING.defaultPort();
    public static final int PROVIDER_PORT = 8090;
    public static final String PROVIDER = "payment-provider";
    public static final String PROVIDER_DATABASE = "payment_provider_db";
    public static final int KAFKA_PORT = 19092;
    public static final int REGISTRY_PORT = 18080;
    public static final int POSTGRES_PORT = 15432;

    public Path stateDir() {
        return infra.stateDir();
    }

    public Path logFile(String component) {
        return infra.logDir().resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return infra.pidDir().resolve(component + ".pid");
    }

    /** The payment provider stub: an external system from the services' point of view. */
    public String providerUrl() {
        return "http://127.0.0.1:" + providerPort;
    }

    public ServiceSpec service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
    }

    /**
     * The same layout with extra configuration for every service, e.g. the naive flags
     * ({@code orderflow.messaging.naive.no-inbox=true}) or a fault point.
     */
    public PlatformLayout withServiceConfig(Map<String, String> config) {
        List<ServiceSpec> configured = services.stream().map(s -> {
            Map<String, String> merged = new LinkedHashMap<>(s.extraConfig());
            merged.putAll(config);
            return new ServiceSpec(s.name(), s.port(), s.database(), Map.copyOf(merged));
        }).toList();
        return new PlatformLayout(root, infra, configured, providerPort);
    }

    /** The CLI's layout: documented ports, durable data under the state directory, processes that outlive the CLI. */
    public static PlatformLayout cli(Path root, int kafkaBrokers) {
        Path stateDir = Path.of(InfraSpec.env("ORDERFLOW_STATE_DIR", root.resolve(".orderflow").toString()));
        InfraSpec infra = new InfraSpec(stateDir.toAbsolutePath().normalize(), root.resolve("local-infra-binaries/target"),
                InfraSpec.Mode.parse(System.getenv("ORDERFLOW_INFRA_MODE")), kafkaBrokers,
                port("ORDERFLOW_KAFKA_PORT", KAFKA_PORT), System.getenv("ORDERFLOW_KAFKA_BOOTSTRAP"), true,
                port("ORDERFLOW_REGISTRY_PORT", REGISTRY_PORT), port("ORDERFLOW_POSTGRES_PORT", POSTGRES_PORT),
                System.getenv("ORDERFLOW_POSTGRES_URL"), InfraSpec.env("ORDERFLOW_POSTGRES_USER", "postgres"),
                InfraSpec.env("ORDERFLOW_POSTGRES_PASSWORD", "postgres"), false, false);
        int providerPort = port("ORDERFLOW_PROVIDER_PORT", PROVIDER_PORT);
        return new PlatformLayout(root, infra, services(s -> port(s.portVariable(), s.defaultPort()), providerPort), providerPort);
    }

    /**
     * The chaos sandbox's layout: the CLI's ports (so `up` must be down), a state directory of its
     * own ({@code <state>/chaos}) started clean every run, processes stopped when the run ends.
     */
    public static PlatformLayout chaos(Path root, int kafkaBrokers) {
        PlatformLayout cli = cli(root, kafkaBrokers);
        InfraSpec c = cli.infra();
        InfraSpec infra = new InfraSpec(c.stateDir().resolve("chaos"), c.binariesDir(), c.mode(), kafkaBrokers, c.kafkaPort(),
                c.kafkaBootstrap(), c.registry(), c.registryPort(), c.postgresPort(), c.postgresUrl(), c.postgresUser(),
                c.postgresPassword(), true, true);
        return new PlatformLayout(root, infra, cli.services(), cli.providerPort());
    }

    /** The same platform on free ports with a throw-away state directory, stopped with the test JVM. */
    public static PlatformLayout forTests(Path root, Path stateDir) {
        return forTests(root, stateDir, 1);
    }

    /** The same with 1 or 3 Kafka brokers (3: RF=3, min.insync.replicas=2, for leader failover). */
    public static PlatformLayout forTests(Path root, Path stateDir, int kafkaBrokers) {
        InfraSpec infra = new InfraSpec(stateDir.toAbsolutePath().normalize(), root.resolve("local-infra-binaries/target"),
                InfraSpec.Mode.LOCAL, kafkaBrokers, 0, null, true, 0, 0, null, "postgres", "postgres", true, true);
        int providerPort = Ports.free();
        return new PlatformLayout(root, infra, services(s -> Ports.free(), providerPort), providerPort);
    }

    private static List<ServiceSpec> services(ToIntFunction<PlatformService> ports, int provider) {
        return Arrays.stream(PlatformService.values())
                .map(s -> new ServiceSpec(s.serviceName(), ports.applyAsInt(s), s.database(), s == PlatformService.PAYMENT
                        ? Map.of("payment.provider.url", "http://127.0.0.1:" + provider)
                        : Map.of()))
                .toList();
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number (1-65535), was '" + value + "'");
        }
    }
}
