package dev.orderflow.infra.containers;

import dev.orderflow.infra.InfraSpec;
import dev.orderflow.infra.postgres.Postgres;
import org.testcontainers.containers.PostgreSQLContainer;

/** PostgreSQL in a container, for machines with a Docker engine. */
public final class ContainerPostgres implements Postgres {
    private final PostgreSQLContainer<?> container;

    private ContainerPostgres(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    public static ContainerPostgres start(String marker) {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(ContainerImages.postgres())
                .withLabel(InfraSpec.CONTAINER_MARKER_LABEL, marker)
                .withDatabaseName("postgres")
                .withUsername("postgres")
                .withPassword("postgres")
                .withCommand("postgres", "-c", "max_connections=300");
        container.start();
        return new ContainerPostgres(container);
    }

    @Override public String host() { return container.getHost(); }
    @Override public int port() { return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT); }
    @Override public String username() { return container.getUsername(); }
    @Override public String password() { return container.getPassword(); }
    @Override public String adminDatabase() { return "postgres"; }
    @Override public long pid() { return -1; }

    @Override
    public void close() {
        container.stop();
    }
}
