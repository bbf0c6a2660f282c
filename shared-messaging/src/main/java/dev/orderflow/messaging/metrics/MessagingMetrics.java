package dev.orderflow.messaging.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every counter and gauge of the patterns, in one place. Names follow Micrometer conventions
 * (dots; Prometheus renders {@code orderflow_inbox_duplicates_total}).
 */
public final class MessagingMetrics {
    private final MeterRegistry registry;
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong outboxOldestAgeSeconds = new AtomicLong();

    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("orderflow.outbox.pending", outboxPending, AtomicLong::get)
                .description("outbox rows not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("orderflow.outbox.oldest.age.seconds", outboxOldestAgeSeconds, AtomicLong::get)
                .description("age of the oldest unpublished outbox row")
                .register(registry);
    }

    /** For plain (non-CDI) use, e.g. a relay in a child process or a unit test. */
    public static MessagingMetrics inMemory() {
        return new MessagingMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void outboxBacklog(long pending, long oldestAgeSeconds) {
        outboxPending.set(pending);
        outboxOldestAgeSeconds.set(oldestAgeSeconds);
    }

    public void published(int count) {
        registry.counter("orderflow.outbox.published").increment(count);
    }

    public void publishFailed() {
        registry.counter("orderflow.outbox.publish.failures").increment();
    }

    /** The schema registry refused an outbox row's schema: the row is not published (per {@code ce_type}). */
    public void schemaRefused(String type) {
        registry.counter("orderflow.outbox.schema.refused", "type", type).increment();
    }

    public void applied(String consumer) {
        registry.counter("orderflow.inbox.applied", "consumer", consumer).increment();
    }

    public void duplicate(String consumer) {
        registry.counter("orderflow.inbox.duplicates", "consumer", consumer).increment();
    }

    public void stale(String consumer) {
        registry.counter("orderflow.inbox.stale", "consumer", consumer).increment();
    }

    public void parked(String consumer, String reason) {
        registry.counter("orderflow.inbox.parked", "consumer", consumer, "reason", reason).increment();
    }

    public void released(String consumer) {
        registry.counter("orderflow.inbox.released", "consumer", consumer).increment();
    }

    /** Per consumer, the topic the record came from and the failure class (the reason's code). */
    public void deadLettered(String consumer, String topic, String failure) {
        registry.counter("orderflow.dead.letters", "consumer", consumer, "topic", topic, "failure", failure).increment();
    }

    public void transientRetry(String consumer) {
        registry.counter("orderflow.consumer.transient.retries", "consumer", consumer).increment();
    }

    public double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
