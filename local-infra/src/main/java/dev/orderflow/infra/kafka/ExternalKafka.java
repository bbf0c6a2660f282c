package dev.orderflow.infra.kafka;

import dev.orderflow.infra.InfraException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/** An existing Kafka cluster given by its bootstrap servers; orderflow only creates topics on it. */
public final class ExternalKafka implements Kafka {
    private final String bootstrapServers;
    private final int brokers;

    public ExternalKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        try (Admin admin = KafkaAdmin.open(bootstrapServers)) {
            this.brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            throw new InfraException("Cannot reach the configured Kafka at " + bootstrapServers + ": " + e.getMessage()
                    + ". Check ORDERFLOW_KAFKA_BOOTSTRAP, or unset it to start a local broker.", e);
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
        return List.of();
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
