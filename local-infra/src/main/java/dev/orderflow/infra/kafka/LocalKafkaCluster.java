package dev.orderflow.infra.kafka;

import dev.orderflow.infra.Disk;
import dev.orderflow.infra.InfraException;
import dev.orderflow.infra.Jdk;
import dev.orderflow.infra.Ports;
import dev.orderflow.infra.process.ChildProcess;
import dev.orderflow.infra.process.LocalJvmFlags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.jboss.logging.Logger;

/**
 * Apache Kafka in KRaft mode (combined broker + controller per node), each node a child JVM
 * running Apache's own jars. One node by default; three give RF=3 and min.insync.replicas=2,
 * so a broker can be killed and leadership fails over.
 */
public final class LocalKafkaCluster implements Kafka {
    private static final Logger LOG = Logger.getLogger(LocalKafkaCluster.class);

    /** What to start: ports 0 are chosen free; fixed ports are checked and refused when taken. */
    public record Spec(int brokers, List<Integer> brokerPorts, List<Integer> controllerPorts, Path dataDir,
            Path logDir, Path pidDir, Path libsDir, String marker, boolean owned) {
        public Spec {
            if (brokers != 1 && brokers != 3) {
                throw new IllegalArgumentException("brokers must be 1 or 3, was " + brokers);
            }
            if (brokerPorts.size() != brokers || controllerPorts.size() != brokers) {
                throw new IllegalArgumentException("one broker port and one controller port per broker");
            }
        }
    }

    private final Spec spec;
    /** The current process of each node (index = node id - 1); a restarted node replaces its entry. */
    private final List<ChildProcess> nodes;
    private final List<List<String>> commands;
    private final String bootstrapServers;
    private final int brokers;

    private LocalKafkaCluster(Spec spec, List<ChildProcess> nodes, List<List<String>> commands, String bootstrapServers) {
        this.spec = spec;
        this.nodes = new CopyOnWriteArrayList<>(nodes);
        this.commands = List.copyOf(commands);
        this.bootstrapServers = bootstrapServers;
        this.brokers = nodes.size();
    }

    public static LocalKafkaCluster start(Spec spec) {
        requireLibs(spec.libsDir());
        Disk.requireSpace(spec.dataDir(), 512L << 20, "Kafka");
        List<Integer> ports = spec.brokerPorts().stream().map(Ports::resolve).toList();
        List<Integer> controllers = spec.controllerPorts().stream().map(Ports::resolve).toList();
        for (int i = 0; i < spec.brokers(); i++) {
            if (spec.brokerPorts().get(i) != 0) {
                Ports.requireFree(ports.get(i), "Kafka broker " + (i + 1), "set ORDERFLOW_KAFKA_PORT to another port");
                Ports.requireFree(controllers.get(i), "Kafka controller " + (i + 1), "set ORDERFLOW_KAFKA_PORT to another port");
            }
        }
        String voters = IntStream.range(0, spec.brokers())
                .mapToObj(i -> (i + 1) + "@" + Ports.LOOPBACK + ":" + controllers.get(i))
                .collect(Collectors.joining(","));
        Path java = Jdk.javaExecutable(17);
        String classpath = spec.libsDir().toAbsolutePath() + "/*";
        Path log4j = writeLog4jConfig(spec.dataDir());
        String clusterId = clusterId(spec.dataDir());

        List<ChildProcess> nodes = new ArrayList<>();
        List<List<String>> commands = new ArrayList<>();
        try {
            List<Path> propertiesOfNode = new ArrayList<>();
            List<Formatting> formatting = new ArrayList<>();
            for (int i = 0; i < spec.brokers(); i++) {
                int nodeId = i + 1;
                Path nodeDir = spec.dataDir().resolve("node-" + nodeId);
                Path properties = writeServerProperties(spec, nodeId, nodeDir, ports.get(i), controllers.get(i), voters);
                propertiesOfNode.add(properties);
                // Each format is a JVM of its own: all of them at once, not one after the other.
                formatting.add(format(java, classpath, clusterId, properties, nodeDir, spec.logDir().resolve("kafka-" + nodeId + "-format.log")));
            }
            try {
                for (Formatting format : formatting) {
                    format.await();
                }
            } catch (RuntimeException e) {
                formatting.forEach(Formatting::destroy);
                throw e;
            }
            for (int i = 0; i < spec.brokers(); i++) {
                int nodeId = i + 1;
                Path properties = propertiesOfNode.get(i);
                List<String> command = new ArrayList<>(List.of(java.toString(), "-Xms128m", "-Xmx512m"));
                command.addAll(LocalJvmFlags.LEAN);
                command.addAll(List.of("-Dorderflow.component=kafka-" + nodeId, "-Dorderflow.marker=" + spec.marker(),
                        "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(), "-cp", classpath, "kafka.Kafka",
                        properties.toAbsolutePath().toString()));
                commands.add(command);
                nodes.add(startNode(spec, nodeId, command));
            }
            String bootstrap = ports.stream().map(p -> Ports.LOOPBACK + ":" + p).collect(Collectors.joining(","));
            ChildProcess first = nodes.get(0);
            try (Admin admin = KafkaAdmin.open(bootstrap)) {
                first.awaitReady(Duration.ofSeconds(90), () -> nodes.stream().allMatch(ChildProcess::isAlive)
                        && KafkaAdmin.clusterHas(admin, spec.brokers()));
            }
            LOG.infof("Kafka ready: %d broker(s) at %s", spec.brokers(), bootstrap);
            return new LocalKafkaCluster(spec, nodes, commands, bootstrap);
        } catch (RuntimeException e) {
            nodes.forEach(ChildProcess::stop);
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public int brokerCount() {
        return brokers;
    }

    @Override
    public List<Long> brokerPids() {
        return nodes.stream().map(ChildProcess::pid).toList();
    }

    public List<ChildProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** The process of one node, 1..brokers. */
    public ChildProcess node(int nodeId) {
        return nodes.get(index(nodeId));
    }

    /** SIGKILL of one node, as a crashed machine: the others elect new partition leaders. */
    public void kill(int nodeId) {
        node(nodeId).kill();
    }

    /**
     * Starts a killed (or stopped) node again on its own log directory and waits until it is back
     * in the cluster and every partition has its full in-sync replica set again, so that losing
     * another node next keeps min.insync.replicas.
     */
    public void restart(int nodeId, Duration timeout) {
        int i = index(nodeId);
        nodes.get(i).stop();
        ChildProcess started = startNode(spec, nodeId, commands.get(i));
        nodes.set(i, started);
        try (Admin admin = KafkaAdmin.open(bootstrapServers)) {
            started.awaitReady(timeout, () -> KafkaAdmin.clusterHas(admin, brokers)
                    && KafkaAdmin.underReplicatedPartitions(admin) == 0);
        }
    }

    /** Whether the cluster lists all its brokers now. */
    public boolean complete() {
        return KafkaAdmin.clusterHas(bootstrapServers, brokers);
    }

    /** How many partitions (of every topic) the node leads now. */
    public int partitionsLedBy(int nodeId) {
        return KafkaAdmin.partitionsLedBy(bootstrapServers, nodeId);
    }

    private int index(int nodeId) {
        if (nodeId < 1 || nodeId > brokers) {
            throw new IllegalArgumentException("node id must be 1.." + brokers + ", was " + nodeId);
        }
        return nodeId - 1;
    }

    private static ChildProcess startNode(Spec spec, int nodeId, List<String> command) {
        return ChildProcess.start("kafka-" + nodeId, command, spec.marker(), spec.dataDir().resolve("node-" + nodeId),
                spec.logDir().resolve("kafka-" + nodeId + ".log"), spec.pidDir().resolve("kafka-" + nodeId + ".pid"),
                Map.of(), spec.owned());
    }

    /** Stops all nodes together: one at a time, the last would wait ~40 s for a quorum. */
    @Override
    public void close() {
        nodes.parallelStream().forEach(ChildProcess::stop);
    }

    private static void requireLibs(Path libsDir) {
        try (var files = Files.list(libsDir)) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"))) {
                throw new IOException("no kafka_2.13 jar");
            }
        } catch (IOException e) {
            throw new InfraException("Kafka broker jars not found in " + libsDir
                    + ". Build them with `./mvnw -pl local-infra-binaries package` (the full build does this).", e);
        }
    }

    /** One cluster id per data directory, so a restart reuses the formatted log directories. */
    private static String clusterId(Path dataDir) {
        Path file = dataDir.resolve("cluster.id");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(dataDir);
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new InfraException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path writeLog4jConfig(Path dataDir) {
        Path target = dataDir.resolve("log4j2.properties");
        try (InputStream in = LocalKafkaCluster.class.getResourceAsStream("log4j2.properties")) {
            Files.createDirectories(dataDir);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new InfraException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static Path writeServerProperties(Spec spec, int nodeId, Path nodeDir, int port, int controllerPort,
            String voters) {
        int replication = spec.brokers() == 3 ? 3 : 1;
        int minIsr = spec.brokers() == 3 ? 2 : 1;
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + Ports.LOOPBACK + ":" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + nodeDir.resolve("data").toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "default.replication.factor=" + replication,
                "min.insync.replicas=" + minIsr,
                "offsets.topic.replication.factor=" + replication,
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=" + replication,
                "transaction.state.log.min.isr=" + minIsr,
                "share.coordinator.state.topic.replication.factor=" + replication,
                "share.coordinator.state.topic.min.isr=" + minIsr,
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        Path file = nodeDir.resolve("server.properties");
        try {
            Files.createDirectories(nodeDir);
            Files.writeString(file, properties);
            return file;
        } catch (IOException e) {
            throw new InfraException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A running {@code StorageTool format}; {@code process} null when the node's storage was already formatted. */
    private record Formatting(Process process, Path nodeDir, Path log) {
        void destroy() {
            if (process != null) {
                process.destroyForcibly();
            }
        }

        void await() {
            if (process == null) {
                return;
            }
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new InfraException("Formatting Kafka storage in " + nodeDir + " failed; see " + log + ":\n"
                            + Files.readString(log));
                }
            } catch (IOException e) {
                throw new InfraException("Could not read " + log + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new InfraException("Interrupted while formatting Kafka storage");
            }
        }
    }

    /** Starts formatting the node's log directory once; a restart finds meta.properties and skips it. */
    private static Formatting format(Path java, String classpath, String clusterId, Path properties, Path nodeDir, Path log) {
        if (Files.exists(nodeDir.resolve("data").resolve("meta.properties"))) {
            return new Formatting(null, nodeDir, log);
        }
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(java.toString(), "-Xmx256m",
                    "-Dlog4j2.configurationFile=" + properties.getParent().getParent().resolve("log4j2.properties"),
                    "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Formatting(process, nodeDir, log);
        } catch (IOException e) {
            throw new InfraException("Could not run Kafka's StorageTool: " + e.getMessage(), e);
        }
    }
}
