package dev.orderflow.messaging.wiring;

import dev.orderflow.messaging.config.MessagingConfig;
import dev.orderflow.messaging.config.MessagingProducer;
import dev.orderflow.messaging.config.RegistryConfig;
import dev.orderflow.messaging.deadletter.DeadLetterPublisher;
import dev.orderflow.messaging.consumer.DeliveryAttempt;
import dev.orderflow.messaging.consumer.EventDecoder;
import dev.orderflow.messaging.inbox.DuplicateDetector;
import dev.orderflow.messaging.inbox.InboxDuplicateDetector;
import dev.orderflow.messaging.ordering.OrderingGate;
import dev.orderflow.messaging.ordering.SequenceOrderingGate;
import io.quarkus.arc.DefaultBean;
import dev.orderflow.messaging.registry.ApicurioSchemas;
import dev.orderflow.messaging.registry.RegistryEventDecoder;
import dev.orderflow.messaging.registry.RegistrySettings;
import dev.orderflow.messaging.health.ConsumerProgress;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.external.IdempotencyKeys;
import dev.orderflow.messaging.outbox.EventAppender;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.registry.RegistryPayloadEncoder;
import dev.orderflow.messaging.relay.OutboxStoreDecorator;
import dev.orderflow.messaging.relay.PayloadEncoder;
import dev.orderflow.messaging.relay.RelayProducers;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Wires the plain-Java pattern classes into CDI from {@link MessagingConfig}. */
@ApplicationScoped
public class MessagingBeans {
    private static final Logger LOG = Logger.getLogger(MessagingBeans.class);

    /** The inbox's dedupe; a default bean, so another implementation (the lab's) can take its place. */
    @Produces
    @Singleton
    @DefaultBean
    DuplicateDetector duplicateDetector() {
        return new InboxDuplicateDetector();
    }

    /** The per-aggregate ordering gate; a default bean like {@link #duplicateDetector}. */
    @Produces
    @Singleton
    @DefaultBean
    OrderingGate orderingGate() {
        return new SequenceOrderingGate();
    }

    /** Nothing wraps a delivery attempt unless another bean (the lab's fault points) does. */
    @Produces
    @Singleton
    @DefaultBean
    DeliveryAttempt.Decorator deliveryAttemptDecorator() {
        return DeliveryAttempt.Decorator.none();
    }

    @Produces
    @Singleton
    MessagingMetrics metrics(MeterRegistry registry) {
        return new MessagingMetrics(registry);
    }

    @Produces
    @Singleton
    ConsumerProgress consumerProgress() {
        return new ConsumerProgress();
    }

    /** The library's own producer (dead letters of parked events, the lab's dual writes): acks=all, idempotent. */
    @Produces
    @Singleton
    @MessagingProducer
    Producer<String, byte[]> producer(
            MessagingConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaClientConfig) {
        return RelayProducers.create(bootstrapServers, config.service() + "-messaging", kafkaClientConfig);
    }

    void closeProducer(@Disposes @MessagingProducer Producer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }

    /** The schema registry client of this process (required: see {@link RegistryConfig}). */
    @Produces
    @Singleton
    ApicurioSchemas schemaRegistry(RegistryConfig registry) {
        return ApicurioSchemas.connect(new RegistrySettings(registry.url(), registry.group()));
    }

    void closeSchemaRegistry(@Disposes ApicurioSchemas schemas) {
        schemas.close();
    }

    @Produces
    @Singleton
    EventDecoder eventDecoder(ApicurioSchemas schemas) {
        return new RegistryEventDecoder(schemas);
    }

    /** What the relay publishes a row's payload as: the registry's wire format. */
    @Produces
    @Singleton
    PayloadEncoder payloadEncoder(ApicurioSchemas schemas) {
        return new RegistryPayloadEncoder(schemas);
    }

    @Produces
    @Singleton
    DeadLetterPublisher deadLetterPublisher(@MessagingProducer Producer<String, byte[]> producer) {
        return new DeadLetterPublisher(producer);
    }

    /** How use cases append events: the outbox; a default bean, so the lab's variant can take its place. */
    @Produces
    @Singleton
    @DefaultBean
    EventAppender eventAppender(MessagingConfig config) {
        return new OutboxWriter(config.effectiveSource());
    }

    /** Nothing wraps the relay's outbox store unless another bean (the lab's fault points) does. */
    @Produces
    @Singleton
    @DefaultBean
    OutboxStoreDecorator outboxStoreDecorator() {
        return OutboxStoreDecorator.none();
    }

    /** Stable idempotency keys for external calls; a default bean like {@link #eventAppender}. */
    @Produces
    @Singleton
    @DefaultBean
    IdempotencyKeys idempotencyKeys() {
        return IdempotencyKeys.stable();
    }
}
