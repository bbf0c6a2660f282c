package dev.orderflow.infra.quarkus;

import dev.orderflow.infra.RunningInfra;
import dev.orderflow.infra.TestInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives a {@code @QuarkusTest} real Kafka, PostgreSQL and Apicurio Registry. The processes are
 * shared by the whole test JVM; each start creates a fresh database, so test classes do not see
 * each other's rows. Init arg {@code database} names it (default {@code test_<n>}).
 */
public class OrderflowInfraResource implements QuarkusTestResourceLifecycleManager {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        RunningInfra infra = TestInfra.shared();
        String name = database != null ? database
                : "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        infra.createDatabase(name);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.db-kind", "postgresql");
        config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(name));
        config.put("quarkus.datasource.username", infra.username());
        config.put("quarkus.datasource.password", infra.password());
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        config.put("orderflow.registry.url", infra.registryUrl());
        config.put("mp.messaging.connector.smallrye-kafka.apicurio.registry.url", infra.registryUrl());
        return config;
    }

    @Override
    public void stop() {
        // The processes outlive one test class on purpose; JVM shutdown hooks stop them.
    }
}
