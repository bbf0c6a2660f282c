package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.config.MessagingConfig;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.deadletter.DeadLetterPublisher;
import dev.orderflow.messaging.deadletter.DeadLetterTopics;
import dev.orderflow.messaging.health.ConsumerProgress;
import dev.orderflow.messaging.inbox.DuplicateDetector;
import dev.orderflow.messaging.inbox.Inbox;
import dev.orderflow.messaging.ordering.OrderingGate;
import dev.orderflow.messaging.jdbc.JtaTransactionRunner;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.tracing.MessagingSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * What an {@code @Incoming} method calls ({@link EventsConsumer}, the one every service uses). One
 * call = inbox + ordering + business change in one transaction, then the acknowledgement (so the
 * offset is committed only after that commit).
 *
 * Permanent failures are nacked with extra headers and the dead-letter topic of the record's own
 * topic ({@code <topic>.dlq}); the channel's {@code failure-strategy=dead-letter-queue} (SmallRye's)
 * writes the dead letter and the partition moves on. Transient failures are retried inside the
 * call, on the same record.
 */
@ApplicationScoped
public class IdempotentConsumer {

    @Inject
    JtaTransactionRunner transactions;

    @Inject
    MessagingConfig config;

    @Inject
    DuplicateDetector duplicates;

    @Inject
    OrderingGate gate;

    @Inject
    DeliveryAttempt.Decorator attemptDecorator;

    @Inject
    MessagingMetrics metrics;

    @Inject
    ConsumerProgress progress;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    EventDecoder decoder;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    @Any
    Instance<EventHandler> handlerBeans;

    private final Map<String, InboundEventProcessor> processors = new ConcurrentHashMap<>();

    /** For {@code @Incoming} methods receiving {@code Message<byte[]>} from a Kafka channel. */
    public CompletionStage<Void> consume(Message<byte[]> message, EventHandler handler) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a Kafka message"));
        InboundRecord record = new InboundRecord(
                kafka.getTopic(),
                kafka.getPartition(),
                kafka.getOffset(),
                kafka.getKey() == null ? null : kafka.getKey().toString(),
                EventEnvelope.headerMap(kafka.getHeaders()),
                message.getPayload());
        ConsumeResult result;
        try {
            result = processorFor(handler).process(record);
        } catch (ConsumerStoppedException stopped) {
            // Shutting down mid-retry: neither ack nor dead-letter; the record is redelivered after restart.
            return new CompletableFuture<>();
        }
        if (result.outcome() != ConsumeResult.Outcome.DEAD_LETTER) {
            return message.ack();
        }
        RecordHeaders extra = new RecordHeaders();
        result.deadLetter().libraryHeaders().forEach((name, value) -> extra.add(name, value.getBytes(StandardCharsets.UTF_8)));
        // One channel reads several topics: each dead letter goes beside the topic its record came from.
        return message.nack(result.failure(), Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withTopic(DeadLetterTopics.of(kafka.getTopic()))
                .withHeaders(extra)
                .build()));
    }

    /** For code that manages its own offsets: same processing, the caller dead-letters a DEAD_LETTER result. */
    public ConsumeResult process(ConsumerRecord<String, byte[]> record, EventHandler handler) {
        return processorFor(handler).process(InboundRecord.of(record));
    }

    InboundEventProcessor processorFor(EventHandler handler) {
        return processors.computeIfAbsent(handler.consumer(), consumer -> InboundEventProcessor.builder(
                        handler, transactions, decoder, settings())
                .metrics(metrics)
                .progress(progress)
                .deadLetters(deadLetters)
                .spans(new MessagingSpans(openTelemetry))
                .duplicates(duplicates)
                .gate(gate)
                .decorateAttempts(attemptDecorator)
                .build());
    }

    private ConsumerSettings settings() {
        return new ConsumerSettings(
                config.service(),
                config.consumer().parkedTimeout(),
                config.consumer().initialBackoff(),
                config.consumer().maxBackoff(),
                config.consumer().maxUnknownAttempts());
    }

    /** Inbox retention: deletes old dedupe records; the last applied sequences stay (see {@link Inbox#deleteOlderThan}). */
    @Scheduled(
            every = "${orderflow.messaging.consumer.inbox-cleanup-interval:1h}",
            delayed = "${orderflow.messaging.consumer.inbox-cleanup-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpiredInboxRows() {
        try {
            int deleted = transactions.inNewTransaction(
                    connection -> Inbox.deleteOlderThan(connection, config.consumer().inboxRetention()));
            if (deleted > 0) {
                org.jboss.logging.Logger.getLogger(IdempotentConsumer.class).debugf("inbox retention removed %d rows", deleted);
            }
        } catch (RuntimeException e) {
            org.jboss.logging.Logger.getLogger(IdempotentConsumer.class).warnf("inbox retention failed: %s", e.toString());
        }
    }

    /** Releases parked events that became applicable and dead-letters those that waited too long. */
    @Scheduled(
            every = "${orderflow.messaging.consumer.sweep-interval:10s}",
            delayed = "${orderflow.messaging.consumer.sweep-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepParkedEvents() {
        for (EventHandler handler : handlerBeans) {
            processorFor(handler);
        }
        for (InboundEventProcessor processor : processors.values()) {
            try {
                processor.sweep();
            } catch (RuntimeException e) {
                org.jboss.logging.Logger.getLogger(IdempotentConsumer.class)
                        .warnf("sweep of parked events for %s failed: %s", processor.consumer(), e.toString());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        processors.values().forEach(InboundEventProcessor::stop);
    }
}
