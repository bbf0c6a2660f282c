package dev.orderflow.console.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.console.config.KafkaAccess;
import dev.orderflow.console.platform.PlatformClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples every service every few seconds — readiness, the orderflow_* metrics, the lag of its
 * consumer group — and keeps the last minutes for the sparklines.
 */
@ApplicationScoped
public class ServiceMonitor {
    private static final Duration KEPT = Duration.ofMinutes(5);
    private final PlatformClient platform;
    private final KafkaAccess kafka;
    private final Map<String, Deque<ServiceSample>> samples = new ConcurrentHashMap<>();
    private volatile Admin admin;

    ServiceMonitor(PlatformClient platform, KafkaAccess kafka) {
        this.platform = platform;
        this.kafka = kafka;
    }

    @Scheduled(every = "${console.sample-seconds:2}s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        Instant now = Instant.now();
        for (String service : platform.serviceNames()) {
            ServiceSample sample = sample(service, now);
            Deque<ServiceSample> kept = samples.computeIfAbsent(service, s -> new ArrayDeque<>());
            synchronized (kept) {
                kept.addLast(sample);
                while (!kept.isEmpty() && kept.peekFirst().at().isBefore(now.minus(KEPT))) {
                    kept.removeFirst();
                }
            }
        }
    }

    /** The latest sample of each service, in saga order (sampled now when none exists yet). */
    public List<ServiceSample> latest() {
        List<ServiceSample> latest = new ArrayList<>();
        for (String service : platform.serviceNames()) {
            Deque<ServiceSample> kept = samples.get(service);
            ServiceSample last = null;
            if (kept != null) {
                synchronized (kept) {
                    last = kept.peekLast();
                }
            }
            latest.add(last != null ? last : sample(service, Instant.now()));
        }
        return latest;
    }

    public List<ServiceSample> history(String service) {
        Deque<ServiceSample> kept = samples.get(service);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    ServiceSample sample(String service, Instant at) {
        PlatformClient.Reply health = platform.readiness(service);
        JsonNode body = health.status() == 0 ? null : platform.parse(health.body());
        List<String> reasons = new ArrayList<>();
        Boolean leader = null;
        if (body != null) {
            for (JsonNode check : body.path("checks")) {
                JsonNode data = check.path("data");
                if (data.has("outbox relay leader")) {
                    leader = data.path("outbox relay leader").asBoolean();
                }
                if (!"UP".equals(check.path("status").asText())) {
                    List<String> details = new ArrayList<>();
                    data.fields().forEachRemaining(f -> {
                        if (!f.getKey().equals("outbox relay leader")) {
                            details.add(f.getKey() + ": " + f.getValue().asText());
                        }
                    });
                    reasons.add(check.path("name").asText() + " DOWN" + (details.isEmpty() ? "" : " — " + String.join("; ", details)));
                }
            }
        } else if (health.status() == 0) {
            reasons.add("no answer from " + platform.url(service) + "/q/health/ready (" + health.body() + ")");
        }
        PlatformClient.Reply metrics = platform.metrics(service);
        Map<String, Double> numbers = new HashMap<>();
        if (metrics.ok()) {
            PrometheusText.sums(metrics.body()).forEach((name, value) -> {
                if (name.startsWith("orderflow_")) {
                    numbers.put(name, value);
                }
            });
        }
        return new ServiceSample(service, at, health.status() != 0, health.status() == 200, reasons, leader, numbers, lag(service));
    }

    /** Per partition: the end offset minus what the service's group (named after it) has committed. */
    private Map<String, Long> lag(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return Map.of();
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all().get(3, TimeUnit.SECONDS);
            Map<String, Long> lag = new TreeMap<>();
            committed.forEach((tp, offset) -> {
                long end = ends.containsKey(tp) ? ends.get(tp).offset() : 0;
                lag.put(tp.topic() + "-" + tp.partition(), Math.max(0, end - (offset == null ? 0 : offset.offset())));
            });
            return lag;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafka.clientSettings(Map.of(
                            AdminClientConfig.CLIENT_ID_CONFIG, "orderflow-console-admin",
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000)));
                }
            }
        }
        return admin;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
