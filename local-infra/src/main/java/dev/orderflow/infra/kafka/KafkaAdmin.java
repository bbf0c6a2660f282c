package dev.orderflow.infra.kafka;

import dev.orderflow.infra.InfraException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;

/** The few admin calls orderflow needs, with short timeouts so start-up probes fail fast. */
final class KafkaAdmin {
    private KafkaAdmin() {}

    static Admin open(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "orderflow-infra");
        props.putAll(KafkaClientSecurity.fromEnvironment());
        return Admin.create(props);
    }

    /** Whether all brokers have registered; false (never an exception) while the cluster is forming. */
    static boolean clusterHas(String bootstrapServers, int brokers) {
        try (Admin admin = open(bootstrapServers)) {
            return clusterHas(admin, brokers);
        }
    }

    /**
     * The same through an open client: a probe polled every 200 ms should not create a client per
     * poll (each one connects, negotiates and fetches metadata again, on brokers that are busy).
     */
    static boolean clusterHas(Admin admin, int brokers) {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= brokers;
        } catch (Exception e) {
            return false;
        }
    }

    /** Partitions whose in-sync replicas are fewer than their replicas; -1 while the cluster cannot answer. */
    static int underReplicatedPartitions(Admin admin) {
        try {
            return (int) describeAll(admin).stream().filter(p -> p.isr().size() < p.replicas().size()).count();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Partitions the node leads; -1 while the cluster cannot answer. */
    static int partitionsLedBy(String bootstrapServers, int nodeId) {
        try (Admin admin = open(bootstrapServers)) {
            return (int) describeAll(admin).stream().filter(p -> p.leader() != null && p.leader().id() == nodeId).count();
        } catch (Exception e) {
            return -1;
        }
    }

    private static java.util.List<TopicPartitionInfo> describeAll(Admin admin) throws Exception {
        var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(5, TimeUnit.SECONDS);
        return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .flatMap(t -> t.partitions().stream()).toList();
    }

    static void createTopic(String bootstrapServers, String name, int partitions, int replication) {
        try (Admin admin = open(bootstrapServers)) {
            NewTopic topic = new NewTopic(name, partitions, (short) replication);
            if (replication > 1) {
                topic.configs(Map.of("min.insync.replicas", String.valueOf(replication - 1)));
            }
            admin.createTopics(java.util.List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new InfraException("Could not create topic " + name + ": " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new InfraException("Could not create topic " + name + ": " + e.getMessage(), e);
        }
    }
}
