package dev.orderflow.messaging.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.orderflow.messaging.failure.FailureKind;
import dev.orderflow.messaging.ordering.ParkReason;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every counter and gauge of the patterns, in one place. Names follow Micrometer conventions
 * (dots; Prometheus renders {@code orderflow_inbox_duplicates_total}).
 */
public final class MessagingMetrics {
    /**
     * The failure codes a consumer dead-letters with: a permanent failure, or an event parked too
     * long ({@code <ParkReason>_TIMEOUT}), as the inbox names them.
     */
    static final List<String> DEAD_LETTER_FAILURES = Stream.concat(Stream.of(FailureKind.PERMANENT.name()),
            Stream.of(ParkReason.values()).map(ParkReason::timeoutFailure)).toList();

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

    /** An event of a type this consumer does not handle, consumed without effect (per {@code ce_type}). */
    public void skipped(String consumer, String type) {
        registry.counter("orderflow.events.skipped", "consumer", consumer, "type", type).increment();
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

    /**
     * Registers at 0 every counter of the outbox: Prometheus's {@code increase()} and {@code rate()}
     * see the first publish failure only if the series existed before it.
     */
    public void registerOutboxSeries(Collection<String> eventTypes) {
        registry.counter("orderflow.outbox.published");
        registry.counter("orderflow.outbox.publish.failures");
        eventTypes.forEach(type -> registry.counter("orderflow.outbox.schema.refused", "type", type));
    }

    /**
     * Registers at 0 every counter one consumer can move, for each topic it reads, each known reason
     * and each contract of those topics, so an alert on the first duplicate, stale event, park, dead
     * letter or skip can fire. (A type newer than this build's contracts starts its series at its
     * first skip: nothing can name it sooner.)
     */
    public void registerConsumerSeries(String consumer, Collection<String> topics) {
        for (String name : List.of("orderflow.inbox.applied", "orderflow.inbox.duplicates", "orderflow.inbox.stale",
                "orderflow.inbox.released", "orderflow.consumer.transient.retries")) {
            registry.counter(name, "consumer", consumer);
        }
        for (ParkReason reason : ParkReason.values()) {
            registry.counter("orderflow.inbox.parked", "consumer", consumer, "reason", reason.name());
        }
        Set<String> origins = topics.stream().map(Topics::originOf).collect(Collectors.toSet());
        EventCatalog.all().stream()
                .filter(contract -> origins.contains(contract.topic()))
                .forEach(contract -> registry.counter("orderflow.events.skipped", "consumer", consumer, "type", contract.type()));
        for (String topic : topics) {
            for (String failure : DEAD_LETTER_FAILURES) {
                registry.counter("orderflow.dead.letters", "consumer", consumer, "topic", topic, "failure", failure);
            }
        }
    }

    public double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
