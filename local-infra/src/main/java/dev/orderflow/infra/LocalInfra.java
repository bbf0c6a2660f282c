package dev.orderflow.infra;

import dev.orderflow.infra.containers.ContainerKafka;
import dev.orderflow.infra.containers.ContainerPostgres;
import dev.orderflow.infra.containers.ContainerRegistry;
import dev.orderflow.infra.kafka.ExternalKafka;
import dev.orderflow.infra.kafka.Kafka;
import dev.orderflow.infra.kafka.LocalKafkaCluster;
import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import dev.orderflow.infra.postgres.ExternalPostgres;
import dev.orderflow.infra.postgres.Postgres;
import dev.orderflow.infra.process.ChildProcess;
import dev.orderflow.infra.registry.LocalApicurioRegistry;
import dev.orderflow.infra.registry.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Starts Kafka, PostgreSQL and the schema registry for a spec, in parallel, as local processes
 * or (when a Docker engine is reachable, or asked for) as containers. A failure stops whatever
 * did start and reports the component that failed.
 */
public final class LocalInfra {
    private static final Logger LOG = Logger.getLogger(LocalInfra.class);

    private LocalInfra() {}

    /** Reports which component is starting and how long it took. */
    public interface Progress {
        void started(String component, String detail, Duration took);

        Progress LOGGING = (component, detail, took) -> LOG.infof("%s ready in %.1f s: %s", component,
                took.toMillis() / 1000.0, detail);
    }

    public static RunningInfra start(InfraSpec spec) {
        return start(spec, Progress.LOGGING);
    }

    public static RunningInfra start(InfraSpec spec, Progress progress) {
        boolean containers = switch (spec.mode()) {
            case LOCAL -> false;
            case AUTO -> Docker.hasImages();
            case CONTAINERS -> {
                if (!Docker.isAvailable()) {
                    throw new InfraException("Infra mode 'containers' needs a reachable Docker engine and none answers. "
                            + "Start Docker, or use ORDERFLOW_INFRA_MODE=local (no Docker needed).");
                }
                yield true;
            }
        };
        if (containers && spec.kafkaBrokers() > 1) {
            LOG.info("A 3-broker cluster always runs as local processes");
        }
        boolean localKafka = !containers || spec.kafkaBrokers() > 1;
        if (spec.cleanData()) {
            deleteRecursively(spec.dataDir());
        }
        boolean externalKafka = spec.kafkaBootstrap() != null && !spec.kafkaBootstrap().isBlank();
        CompletableFuture<Kafka> kafka = timed("Kafka", progress, () -> externalKafka ? new ExternalKafka(spec.kafkaBootstrap())
                : localKafka ? startLocalKafka(spec) : ContainerKafka.start(spec.marker()),
                k -> k.brokerCount() + " broker(s) at " + k.bootstrapServers());
        CompletableFuture<Postgres> postgres = timed("PostgreSQL", progress, () -> startPostgres(spec, containers),
                p -> p.host() + ":" + p.port());
        CompletableFuture<Optional<SchemaRegistry>> registry = spec.registry()
                ? timed("Schema registry", progress, () -> Optional.of(containers ? ContainerRegistry.start(spec.marker()) : startLocalRegistry(spec)),
                        r -> r.map(SchemaRegistry::apiUrl).orElse(""))
                : CompletableFuture.completedFuture(Optional.empty());
        try {
            CompletableFuture.allOf(kafka, postgres, registry).join();
            return new RunningInfra(kafka.join(), postgres.join(), registry.join());
        } catch (CompletionException e) {
            kafka.thenAccept(Kafka::close);
            postgres.thenAccept(Postgres::close);
            registry.thenAccept(r -> r.ifPresent(SchemaRegistry::close));
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new InfraException(cause.getMessage(), cause);
        }
    }

    /**
     * Stops every process recorded under a state directory's pid files (ours only: the marker
     * must match). A killed run's leftovers are cleaned up this way before the next start.
     */
    public static void stopRecorded(Path stateDir) {
        Path pids = stateDir.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return;
        }
        try (var files = Files.list(pids)) {
            List<Path> recorded = files.filter(f -> f.toString().endsWith(".pid"))
                    .filter(f -> !f.getFileName().toString().equals("postgres.pid")).toList();
            recorded.parallelStream().forEach(pid -> {
                if (ChildProcess.stopRecorded(pid, Duration.ofSeconds(20))) {
                    LOG.infof("Stopped %s", pid.getFileName());
                }
            });
        } catch (IOException e) {
            throw new InfraException("Cannot read " + pids + ": " + e.getMessage(), e);
        }
        EmbeddedPostgresServer.stopLeftover(stateDir.resolve("data/postgres"), pids);
    }

    private static LocalKafkaCluster startLocalKafka(InfraSpec spec) {
        int n = spec.kafkaBrokers();
        List<Integer> brokerPorts = IntStream.range(0, n).mapToObj(i -> spec.kafkaPort() == 0 ? 0 : spec.kafkaPort() + i).toList();
        List<Integer> controllerPorts = IntStream.range(0, n).mapToObj(i -> spec.kafkaPort() == 0 ? 0 : spec.kafkaPort() + 100 + i).toList();
        return LocalKafkaCluster.start(new LocalKafkaCluster.Spec(n, brokerPorts, controllerPorts,
                spec.dataDir().resolve("kafka"), spec.logDir(), spec.pidDir(), spec.binariesDir().resolve("kafka-libs"),
                spec.marker(), spec.owned()));
    }

    private static Postgres startPostgres(InfraSpec spec, boolean containers) {
        if (spec.postgresUrl() != null && !spec.postgresUrl().isBlank()) {
            return new ExternalPostgres(spec.postgresUrl(), spec.postgresUser(), spec.postgresPassword());
        }
        if (containers) {
            return ContainerPostgres.start(spec.marker());
        }
        return EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Spec(spec.postgresPort(),
                spec.dataDir().resolve("postgres"), spec.stateDir().resolve("pg-binaries"), spec.logDir(), spec.pidDir(),
                // The CLI's detached platform commits durably (benchmarks, crash tests); test JVMs trade that for speed.
                spec.cleanData(), spec.owned(), !spec.owned()));
    }

    private static LocalApicurioRegistry startLocalRegistry(InfraSpec spec) {
        int port = spec.registryPort();
        return LocalApicurioRegistry.start(new LocalApicurioRegistry.Spec(port, port == 0 ? 0 : port + 1,
                spec.binariesDir().resolve("apicurio"), spec.cleanData() ? null : spec.dataDir().resolve("registry"),
                spec.dataDir().resolve("registry-work"), spec.logDir(), spec.pidDir(), spec.marker(), spec.owned()));
    }

    private static <T> CompletableFuture<T> timed(String component, Progress progress, Supplier<T> start,
            java.util.function.Function<T, String> describe) {
        return CompletableFuture.supplyAsync(() -> {
            long begin = System.nanoTime();
            T started = start.get();
            progress.started(component, describe.apply(started), Duration.ofNanos(System.nanoTime() - begin));
            return started;
        }, runnable -> {
            Thread thread = new Thread(runnable, "start-" + component);
            thread.setDaemon(true);
            thread.start();
        });
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new InfraException("Cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }
}
