package dev.orderflow.messaging.health;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until every Kafka consumer owns partitions: before its group has settled, a service
 * that answered ready took orders it could not react to yet (the first demo order waited seconds
 * for its reservation). Reads the consumer's own {@code assigned-partitions} metric, which any
 * thread may read. SmallRye's assignment check ({@code health-topic-verification-enabled}) asks
 * each consumer's polling thread instead and waits for its current poll (up to its 1 s poll
 * timeout, channel after channel), and opens an admin client per channel. An instance that owns no
 * partition (more instances than partitions) is reported not ready.
 */
@Readiness
@ApplicationScoped
public class ConsumerAssignmentReadinessCheck implements HealthCheck {
    private static final String ASSIGNED = "assigned-partitions";
    private static final String GROUP = "consumer-coordinator-metrics";

    @Inject
    KafkaClientService kafka;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("orderflow-kafka-partitions").up();
        // A channel with concurrency N has N consumers ("events-in$1".."events-in$N") in one group: the channel is
        // ready when they own partitions together; one of them may own none when partitions are fewer than consumers.
        Map<String, Long> byChannel = new TreeMap<>();
        for (String channel : kafka.getConsumerChannels()) {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(channel);
            double assigned = consumer == null ? 0 : assignedPartitions(consumer.unwrap().metrics());
            byChannel.merge(baseChannel(channel), (long) assigned, Long::sum);
        }
        byChannel.forEach((channel, assigned) -> {
            response.withData(channel, assigned);
            if (assigned < 1) {
                response.down();
            }
        });
        return response.build();
    }

    static String baseChannel(String channel) {
        int concurrent = channel.indexOf('$');
        return concurrent < 0 ? channel : channel.substring(0, concurrent);
    }

    private static double assignedPartitions(Map<MetricName, ? extends Metric> metrics) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().name().equals(ASSIGNED) && e.getKey().group().equals(GROUP))
                .mapToDouble(e -> e.getValue().metricValue() instanceof Number n ? n.doubleValue() : 0)
                .findFirst()
                .orElse(0);
    }
}
