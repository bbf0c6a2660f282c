package dev.orderflow.infra.containers;

import dev.orderflow.infra.InfraSpec;
import dev.orderflow.infra.kafka.Kafka;
import java.util.List;
import org.testcontainers.kafka.KafkaContainer;

/** One Apache Kafka broker in a container, for machines with a Docker engine. */
public final class ContainerKafka implements Kafka {
    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafka start(String marker) {
        KafkaContainer container = new KafkaContainer(ContainerImages.kafka())
                .withLabel(InfraSpec.CONTAINER_MARKER_LABEL, marker);
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int brokerCount() {
        return 1;
    }

    @Override
    public List<Long> brokerPids() {
        return List.of();
    }

    @Override
    public void close() {
        container.stop();
    }
}
