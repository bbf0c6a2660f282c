package dev.orderflow.infra.postgres;

import dev.orderflow.infra.Disk;
import dev.orderflow.infra.InfraException;
import dev.orderflow.infra.Ports;
import dev.orderflow.infra.process.ChildProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Real PostgreSQL binaries shipped in a Maven jar (zonky). Owned servers stop with the JVM;
 * detached ones (the CLI's) keep running and are stopped by the postmaster's pid.
 */
public final class EmbeddedPostgresServer implements Postgres {
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    /** {@code durable}: fsync and synchronous commits on (zonky turns both off for test speed). */
    public record Spec(int port, Path dataDir, Path workDir, Path logDir, Path pidDir, boolean cleanDataDir,
            boolean owned, boolean durable) {
        public Spec {
            dataDir = dataDir.toAbsolutePath().normalize();
        }
    }

    private final EmbeddedPostgres postgres;
    private final ChildProcess postmaster;
    private final boolean owned;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, ChildProcess postmaster, boolean owned) {
        this.postgres = postgres;
        this.postmaster = postmaster;
        this.owned = owned;
    }

    public static EmbeddedPostgresServer start(Spec spec) {
        Disk.requireSpace(spec.dataDir().getParent(), 256L << 20, "PostgreSQL");
        stopLeftover(spec.dataDir(), spec.pidDir());
        int port = Ports.resolve(spec.port());
        if (spec.port() != 0) {
            Ports.requireFree(port, "PostgreSQL", "set ORDERFLOW_POSTGRES_PORT to another port");
        }
        try {
            Files.createDirectories(spec.workDir());
            Files.createDirectories(spec.logDir());
            Path log = spec.logDir().resolve("postgres.log");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(spec.dataDir())
                    .setCleanDataDirectory(spec.cleanDataDir())
                    .setOverrideWorkingDirectory(spec.workDir().toFile())
                    .setRegisterShutdownHook(spec.owned())
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("max_connections", "300")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (spec.durable()) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            ProcessHandle handle;
            try {
                handle = postmasterOf(spec.dataDir()).orElseThrow(() -> new InfraException(
                        "PostgreSQL started but " + spec.dataDir() + "/postmaster.pid names no live process"));
            } catch (InfraException e) {
                postgres.close();
                throw e;
            }
            ChildProcess postmaster = ChildProcess.adopt("postgres", handle, marker(spec.dataDir()), log,
                    spec.pidDir().resolve("postgres.pid"), false);
            LOG.infof("PostgreSQL ready at %s:%d (pid %d)", Ports.LOOPBACK, port, handle.pid());
            return new EmbeddedPostgresServer(postgres, postmaster, spec.owned());
        } catch (IOException e) {
            throw new InfraException("Embedded PostgreSQL could not start in " + spec.dataDir() + ": " + e.getMessage()
                    + ". See " + spec.logDir().resolve("postgres.log") + "; check free disk space and that the port is free.", e);
        }
    }

    /** A postmaster left running by a killed run, found through its pid file or postmaster.pid. */
    public static void stopLeftover(Path dataDir, Path pidDir) {
        ChildProcess.stopRecorded(pidDir.resolve("postgres.pid"), Duration.ofSeconds(20));
        postmasterOf(dataDir).ifPresent(handle -> {
            LOG.infof("Stopping PostgreSQL left running from an earlier run (pid %d)", handle.pid());
            fastShutdown(handle);
        });
    }

    private static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            String marker = marker(dataDir);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(cl -> cl.contains(marker)).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The postmaster's command line names its data directory, so that path tells it apart. */
    private static String marker(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().toString();
    }

    /** SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect. */
    private static void fastShutdown(ProcessHandle handle) {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(handle.pid())).start().waitFor();
            handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    @Override public String host() { return Ports.LOOPBACK; }
    @Override public int port() { return postgres.getPort(); }
    @Override public String username() { return "postgres"; }
    @Override public String password() { return "postgres"; }
    @Override public String adminDatabase() { return "postgres"; }
    @Override public long pid() { return postmaster.pid(); }

    /** Owned servers stop here; detached ones keep running for `orderflow down`. */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf("PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
        ProcessHandle.of(postmaster.pid()).filter(ProcessHandle::isAlive).ifPresent(EmbeddedPostgresServer::fastShutdown);
        postmaster.stop();
    }
}
