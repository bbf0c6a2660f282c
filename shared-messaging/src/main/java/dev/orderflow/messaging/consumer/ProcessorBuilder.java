package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.deadletter.DeadLetterPublisher;
import dev.orderflow.messaging.health.ConsumerProgress;
import dev.orderflow.messaging.inbox.DuplicateDetector;
import dev.orderflow.messaging.inbox.InboxDuplicateDetector;
import dev.orderflow.messaging.jdbc.TransactionRunner;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.ordering.OrderingGate;
import dev.orderflow.messaging.ordering.SequenceOrderingGate;
import dev.orderflow.messaging.tracing.MessagingSpans;

/** Assembles an {@link InboundEventProcessor}; every part not set is the template's default. */
public final class ProcessorBuilder {
    private final EventHandler handler;
    private final TransactionRunner transactions;
    private final EventDecoder decoder;
    private final ConsumerSettings settings;
    private MessagingMetrics metrics = MessagingMetrics.inMemory();
    private ConsumerProgress progress = new ConsumerProgress();
    private DeadLetterPublisher deadLetters;
    private MessagingSpans spans = MessagingSpans.noop();
    private DuplicateDetector duplicates = new InboxDuplicateDetector();
    private OrderingGate gate = new SequenceOrderingGate();
    private KnownProducers producers = KnownProducers.contract();
    private DeliveryAttempt.Decorator decorator = DeliveryAttempt.Decorator.none();

    ProcessorBuilder(EventHandler handler, TransactionRunner transactions, EventDecoder decoder, ConsumerSettings settings) {
        this.handler = handler;
        this.transactions = transactions;
        this.decoder = decoder;
        this.settings = settings;
    }

    public ProcessorBuilder metrics(MessagingMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    public ProcessorBuilder progress(ConsumerProgress progress) {
        this.progress = progress;
        return this;
    }

    /** Publishes parked events that expire; without it they stay parked. */
    public ProcessorBuilder deadLetters(DeadLetterPublisher deadLetters) {
        this.deadLetters = deadLetters;
        return this;
    }

    /** The CONSUMER span around each delivery (and each release of a parked event). */
    public ProcessorBuilder spans(MessagingSpans spans) {
        this.spans = spans;
        return this;
    }

    public ProcessorBuilder duplicates(DuplicateDetector duplicates) {
        this.duplicates = duplicates;
        return this;
    }

    public ProcessorBuilder gate(OrderingGate gate) {
        this.gate = gate;
        return this;
    }

    /** Who may publish each topic; the default is the platform's contract ({@code Topics.producerSource}). */
    public ProcessorBuilder producers(KnownProducers producers) {
        this.producers = producers;
        return this;
    }

    public ProcessorBuilder decorateAttempts(DeliveryAttempt.Decorator decorator) {
        this.decorator = decorator;
        return this;
    }

    public InboundEventProcessor build() {
        ConsumerParts parts = new ConsumerParts(handler.consumer(), transactions, settings, decoder, metrics, progress, deadLetters);
        DeliveryAttempt attempt = decorator.decorate(new TransactionalDeliveryAttempt(
                parts.consumer(), transactions, DeliveryChain.live(duplicates, producers, gate, handler), metrics));
        return new InboundEventProcessor(
                parts, attempt, DeliveryChain.release(producers, gate, handler), new ConsumerTracing(spans, parts.consumer()));
    }
}
