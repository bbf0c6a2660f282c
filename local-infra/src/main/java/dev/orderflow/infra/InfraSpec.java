package dev.orderflow.infra;

import java.nio.file.Path;

/**
 * What to start and where. Ports 0 mean "free ports" (tests); fixed ports are the CLI's
 * documented defaults. {@code owned} processes stop with this JVM; detached ones (the CLI's)
 * keep running until {@code orderflow down}.
 *
 * @param stateDir     data, logs and pid files live under it
 * @param binariesDir  local-infra-binaries/target: kafka-libs/ and apicurio/
 * @param kafkaBrokers 1, or 3 for RF=3 / min.insync.replicas=2
 * @param kafkaPort    first broker port; broker i uses +i, its controller +100+i
 * @param kafkaBootstrap an existing cluster's bootstrap servers, or null to start Kafka
 * @param postgresUrl  an existing server's JDBC URL, or null for embedded PostgreSQL
 */
public record InfraSpec(Path stateDir, Path binariesDir, Mode mode, int kafkaBrokers, int kafkaPort, String kafkaBootstrap,
        boolean registry, int registryPort, int postgresPort, String postgresUrl, String postgresUser,
        String postgresPassword, boolean owned, boolean cleanData) {

    public enum Mode {
        /** Testcontainers when a Docker engine answers and holds the images; local processes otherwise. */
        AUTO,
        /** Always local processes (no Docker needed). */
        LOCAL,
        /** Always containers; fails clearly without Docker. */
        CONTAINERS;

        public static Mode parse(String value) {
            try {
                return value == null || value.isBlank() ? AUTO : valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InfraException("Unknown infra mode '" + value + "': use auto, local or containers.");
            }
        }
    }

    public Path dataDir() {
        return stateDir.resolve("data");
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }

    public Path pidDir() {
        return stateDir.resolve("pids");
    }

    /** The label naming {@link #marker()} on every container the containers mode starts: whose it is, on a shared engine. */
    public static final String CONTAINER_MARKER_LABEL = "dev.orderflow.infra.marker";

    /**
     * Appears in every child JVM's command line, so a pid is only ever mistaken for ours if it is ours; containers carry
     * it as {@link #CONTAINER_MARKER_LABEL}.
     */
    public String marker() {
        return stateDir.toAbsolutePath().normalize().toString();
    }

    /** Free ports, a clean state directory under target/, everything stopped with the JVM. */
    public static InfraSpec forTests(Path stateDir, Path binariesDir) {
        return new InfraSpec(stateDir, binariesDir, Mode.parse(System.getProperty("orderflow.infra.mode",
                System.getenv("ORDERFLOW_INFRA_MODE"))), 1, 0, System.getenv("ORDERFLOW_KAFKA_BOOTSTRAP"), true, 0, 0,
                System.getenv("ORDERFLOW_POSTGRES_URL"), env("ORDERFLOW_POSTGRES_USER", "postgres"),
                env("ORDERFLOW_POSTGRES_PASSWORD", "postgres"), true, true);
    }

    /** Where the Kafka jars and the registry distribution are: a system property, or beside orderflow.home. */
    public static Path defaultBinariesDir() {
        String explicit = System.getProperty("orderflow.binaries.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String home = System.getProperty("orderflow.home", System.getenv().getOrDefault("ORDERFLOW_HOME", "."));
        return Path.of(home).resolve("local-infra-binaries/target");
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
