package dev.orderflow.infra;

import dev.orderflow.infra.kafka.Kafka;
import dev.orderflow.infra.postgres.Postgres;
import dev.orderflow.infra.registry.SchemaRegistry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Kafka, PostgreSQL and (optionally) the schema registry, running. */
public record RunningInfra(Kafka kafka, Postgres postgres, Optional<SchemaRegistry> registry) implements AutoCloseable {

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String username() {
        return postgres.username();
    }

    public String password() {
        return postgres.password();
    }

    public void createDatabase(String name) {
        postgres.createDatabase(name);
    }

    public void createTopic(String name, int partitions) {
        kafka.createTopic(name, partitions);
    }

    public String registryUrl() {
        return registry.map(SchemaRegistry::apiUrl)
                .orElseThrow(() -> new IllegalStateException("the schema registry was not started"));
    }

    /** Stops what this JVM owns; detached processes are stopped by {@link LocalInfra#stopRecorded}. */
    @Override
    public void close() {
        // The registry (its own storage) and the brokers do not need each other to stop.
        CompletableFuture<Void> registryStopped = CompletableFuture.runAsync(() -> registry.ifPresent(SchemaRegistry::close));
        try {
            kafka.close();
        } finally {
            registryStopped.join();
            postgres.close();
        }
    }
}
