package dev.orderflow.provider;

import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import dev.orderflow.infra.postgres.Postgres;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per test JVM (no Kafka needed here), a fresh database per call; stopped with the JVM. */
final class ProviderDatabase {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Postgres server;

    private ProviderDatabase() {}

    /** A new, empty database on the shared server. */
    static synchronized ProviderConfig freshConfig() {
        if (server == null) {
            Path root = Path.of("target/provider-postgres").toAbsolutePath();
            server = EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Spec(0, root.resolve("data"), root.resolve("work"),
                    root.resolve("logs"), root.resolve("pids"), true, true, false));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-provider-postgres"));
        }
        String name = "provider_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        server.createDatabase(name);
        return ProviderConfig.of(server.jdbcUrl(name), server.username(), server.password());
    }
}
