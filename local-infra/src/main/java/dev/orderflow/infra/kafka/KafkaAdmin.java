package dev.orderflow.infra.kafka;

import dev.orderflow.infra.InfraException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
        return Admin.create(props);
    }

    /** Whether all brokers have registered; false (never an exception) while the cluster is forming. */
    static boolean clusterHas(String bootstrapServers, int brokers) {
        try (Admin admin = open(bootstrapServers)) {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= brokers;
        } catch (Exception e) {
            return false;
        }
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
