package dev.orderflow.messaging.config;

import dev.orderflow.messaging.failure.DeadLetterPublisher;
import dev.orderflow.messaging.faults.FaultPoints;
import dev.orderflow.messaging.inbox.EventDecoder;
import dev.orderflow.messaging.registry.ApicurioSchemas;
import dev.orderflow.messaging.registry.RegistryEventDecoder;
import dev.orderflow.messaging.registry.RegistryPayloadEncoder;
import dev.orderflow.messaging.registry.RegistrySettings;
import dev.orderflow.messaging.health.ConsumerProgress;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.naive.NaiveMode;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.relay.RelayProducers;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Wires the plain-Java pattern classes into CDI from {@link MessagingConfig}. */
@ApplicationScoped
public class MessagingBeans {
    private static final Logger LOG = Logger.getLogger(MessagingBeans.class);

    @Produces
    @Singleton
    NaiveMode naiveMode(MessagingConfig config) {
        NaiveMode mode = new NaiveMode(config.naive().dualWrite(), config.naive().noInbox(), config.naive().noSequenceChecks(),
                config.naive().noIdempotencyKeys());
        if (mode.anyEnabled()) {
            LOG.warnf("NAIVE MESSAGING MODE ENABLED: %s — patterns are switched off for a demonstration", mode);
        }
        return mode;
    }

    @Produces
    @Singleton
    FaultPoints faultPoints(MessagingConfig config) {
        return FaultPoints.fromConfig(key -> Optional.ofNullable(config.faults().get(key.substring(FaultPoints.CONFIG_PREFIX.length()))));
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

    /** The library's own producer (dead letters of parked events, naive dual writes): acks=all, idempotent. */
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

    @Produces
    @Singleton
    DeadLetterPublisher deadLetterPublisher(@MessagingProducer Producer<String, byte[]> producer) {
        return new DeadLetterPublisher(producer);
    }

    @Produces
    @Singleton
    OutboxWriter outboxWriter(
            MessagingConfig config,
            NaiveMode naive,
            FaultPoints faults,
            @MessagingProducer jakarta.enterprise.inject.Instance<Producer<String, byte[]>> producer,
            ApicurioSchemas schemas) {
        return new OutboxWriter(config.effectiveSource(), naive, faults, naive.dualWrite() ? producer.get() : null,
                new RegistryPayloadEncoder(schemas));
    }

}
