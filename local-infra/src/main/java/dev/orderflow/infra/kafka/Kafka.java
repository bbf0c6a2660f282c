package dev.orderflow.infra.kafka;

import java.util.List;

/** A running Kafka cluster, local child JVMs or a container. */
public interface Kafka extends AutoCloseable {

    String bootstrapServers();

    int brokerCount();

    /** Creates the topic if it does not exist; replication = min(3, brokers). */
    default void createTopic(String name, int partitions) {
        KafkaAdmin.createTopic(bootstrapServers(), name, partitions, Math.min(3, brokerCount()));
    }

    /** Pids of the broker processes (empty for a container), for fault injection and status. */
    List<Long> brokerPids();

    @Override
    void close();
}
