package dev.orderflow.messaging.testing;

import dev.orderflow.infra.TestInfra;
import dev.orderflow.messaging.registry.ApicurioSchemas;
import dev.orderflow.messaging.registry.RegistryEventDecoder;
import dev.orderflow.messaging.registry.RegistrySettings;

import dev.orderflow.messaging.deadletter.DeadLetterPublisher;
import dev.orderflow.messaging.lab.FaultAfterConsumerCommit;
import dev.orderflow.messaging.lab.FaultPoints;
import dev.orderflow.messaging.lab.NaiveMode;
import dev.orderflow.messaging.consumer.ConsumeResult;
import dev.orderflow.messaging.consumer.ConsumerSettings;
import dev.orderflow.messaging.consumer.InboundEventProcessor;
import dev.orderflow.messaging.consumer.KnownProducers;
import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.jdbc.JdbcTransactionRunner;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import static org.awaitility.Awaitility.await;

/**
 * A consumer loop like the one SmallRye runs for a service, without Quarkus: poll a real topic,
 * process each record through the library's {@link InboundEventProcessor}, dead-letter what it
 * gives up on, commit the offset after that.
 */
public final class ProcessorHarness implements AutoCloseable {
    public final MessagingMetrics metrics = MessagingMetrics.inMemory();
    public final InboundEventProcessor processor;
    public final List<ConsumeResult> results = new ArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final DeadLetterPublisher deadLetters;

    public ProcessorHarness(TestDatabase database, String topic, ConsumerSettings settings) {
        this(database, topic, settings, NaiveMode.OFF, FaultPoints.none());
    }

    /** A consumer with the lab's variants: the patterns {@code naive} switches off, the fault points {@code faults} arms. */
    public ProcessorHarness(TestDatabase database, String topic, ConsumerSettings settings, NaiveMode naive) {
        this(database, topic, settings, naive, FaultPoints.none());
    }

    public ProcessorHarness(TestDatabase database, String topic, ConsumerSettings settings, FaultPoints faults) {
        this(database, topic, settings, NaiveMode.OFF, faults);
    }

    private ProcessorHarness(TestDatabase database, String topic, ConsumerSettings settings, NaiveMode naive, FaultPoints faults) {
        this(database, topic, settings, naive, faults, new RecordingHandler("test-consumer", RecordingHandler.PLAIN_JDBC),
                KnownProducers.contract());
    }

    /**
     * A consumer whose handler acts only on the types {@code handles} accepts, reading a topic whose
     * one producer is {@code producerSource}.
     */
    public ProcessorHarness(TestDatabase database, String topic, Predicate<String> handles, String producerSource) {
        this(database, topic, ConsumerSettings.defaults("test-service"), NaiveMode.OFF, FaultPoints.none(),
                new RecordingHandler("test-consumer", RecordingHandler.PLAIN_JDBC, handles),
                t -> t.equals(topic) ? Optional.of(producerSource) : Optional.empty());
    }

    private ProcessorHarness(TestDatabase database, String topic, ConsumerSettings settings, NaiveMode naive, FaultPoints faults,
            RecordingHandler handler, KnownProducers producers) {
        this.consumer = Events.consumer(topic);
        this.producer = Events.producer();
        this.deadLetters = new DeadLetterPublisher(producer);
        this.processor = InboundEventProcessor.builder(
                        handler,
                        new JdbcTransactionRunner(database.connections()),
                        new RegistryEventDecoder(ApicurioSchemas.connect(RegistrySettings.of(TestInfra.shared().registryUrl()))),
                        settings)
                .producers(producers)
                .metrics(metrics)
                .deadLetters(deadLetters)
                .duplicates(naive.duplicateDetector())
                .gate(naive.orderingGate())
                .decorateAttempts(new FaultAfterConsumerCommit(faults))
                .build();
    }

    public void pumpOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            InboundRecord inbound = InboundRecord.of(record);
            ConsumeResult result = processor.process(inbound);
            if (result.outcome() == ConsumeResult.Outcome.DEAD_LETTER) {
                deadLetters.publish(inbound, result.deadLetter());
            }
            results.add(result);
        }
        consumer.commitSync();
    }

    public void pumpUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10)).until(() -> {
            pumpOnce();
            return condition.getAsBoolean();
        });
    }

    public long outcomes(ConsumeResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }
}
