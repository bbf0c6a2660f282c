package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.consumer.DeliveryAttempt.Attempted;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.failure.FailureClassifier;
import dev.orderflow.messaging.failure.FailureKind;
import dev.orderflow.messaging.jdbc.TransactionRunner;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The consumer side of every pattern, for one {@link EventHandler}: decode the envelope, then one
 * {@link DeliveryAttempt} (the {@link DeliveryChain}: inbox dedupe, ordering gate, handler, parking)
 * per try, then release what the event made applicable; failures are classified here — transient
 * ones retried on the same record, permanent ones handed back as {@code DEAD_LETTER}.
 *
 * <p>The caller acknowledges (commits the offset) only after {@link #process} returns, i.e. after
 * the attempt's commit. Transient failures are retried until they pass: the partition waits
 * instead of skipping. Built with {@link #builder}.
 */
public final class InboundEventProcessor {
    private static final Logger LOG = Logger.getLogger(InboundEventProcessor.class);

    private final ConsumerParts parts;
    private final DeliveryAttempt attempt;
    private final ParkedEvents parked;
    private final ConsumerTracing tracing;
    private final FailureClassifier classifier = new FailureClassifier();
    private volatile boolean stopped;

    InboundEventProcessor(ConsumerParts parts, DeliveryAttempt attempt, DeliveryChain releaseChain, ConsumerTracing tracing) {
        this.parts = parts;
        this.attempt = attempt;
        this.tracing = tracing;
        this.parked = new ParkedEvents(parts, releaseChain, tracing, () -> stopped);
    }

    /** @param decoder what {@link IncomingEvent#decode} reads payloads with (the registry's writer schemas) */
    public static ProcessorBuilder builder(
            EventHandler handler, TransactionRunner transactions, EventDecoder decoder, ConsumerSettings settings) {
        return new ProcessorBuilder(handler, transactions, decoder, settings);
    }

    public String consumer() {
        return parts.consumer();
    }

    /** Stops retrying transient failures (shutdown): {@link #process} then throws {@link ConsumerStoppedException}. */
    public void stop() {
        stopped = true;
    }

    /**
     * Processes one delivery to completion. Returns only when the outcome is durable; a
     * {@link Outcome#DEAD_LETTER} result must be sent to the dead-letter topic by the caller.
     */
    public ConsumeResult process(InboundRecord record) {
        return tracing.traced(record, () -> processTraced(record));
    }

    /** See {@link ParkedEvents#release}. */
    public int releaseParked(String subject) {
        return parked.release(subject);
    }

    /** Periodic sweep: release what became applicable, dead-letter what waited too long. */
    public void sweep() {
        parked.sweep();
    }

    public int deadLetterExpiredParked() {
        return parked.deadLetterExpired();
    }

    private ConsumeResult processTraced(InboundRecord record) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromHeaders(record.headers());
        } catch (RuntimeException malformed) {
            return deadLetter(record, malformed);
        }
        IncomingEvent event = new IncomingEvent(envelope, record, parts.decoder());
        Duration backoff = parts.settings().initialBackoff();
        int unknownFailures = 0;
        while (true) {
            try {
                return completed(event, attempt.attempt(event));
            } catch (RuntimeException failure) {
                if (stopped) {
                    // Failing while the service stops (its persistence unit closing) says nothing about
                    // the record: not dead-lettered, redelivered after the restart.
                    throw new ConsumerStoppedException(parts.consumer());
                }
                FailureKind kind = classifier.classify(failure);
                if (kind == FailureKind.PERMANENT
                        || (kind == FailureKind.UNKNOWN && ++unknownFailures >= parts.settings().maxUnknownAttempts())) {
                    parts.progress().progressed(parts.consumer());
                    return deadLetter(record, failure);
                }
                retryAfter(backoff, record, kind, failure);
                backoff = parts.settings().nextBackoff(backoff);
            }
        }
    }

    private ConsumeResult completed(IncomingEvent event, Attempted attempted) {
        Outcome outcome = attempted.outcome();
        count(outcome, event);
        Span.current().setAttribute("orderflow.inbox.outcome", outcome.name());
        LOG.infof("consumer %s: %s %s seq %d of %s -> %s",
                parts.consumer(), event.type(), event.id(), event.sequence(), event.subject(), outcome);
        parts.progress().progressed(parts.consumer());
        if (attempted.releasesParked()) {
            parked.release(event.subject());
        }
        return ConsumeResult.of(outcome);
    }

    /** Transient (or not yet given up): the same record again after a pause; nothing is skipped. */
    private void retryAfter(Duration backoff, InboundRecord record, FailureKind kind, RuntimeException failure) {
        parts.progress().stuck(parts.consumer(), failure);
        parts.metrics().transientRetry(parts.consumer());
        LOG.warnf("consumer %s: %s failed (%s), retrying in %d ms: %s",
                parts.consumer(), record.coordinates(), kind, backoff.toMillis(), failure.toString());
        pause(backoff);
    }

    private void count(Outcome outcome, IncomingEvent event) {
        switch (outcome) {
            case APPLIED -> parts.metrics().applied(parts.consumer());
            case DUPLICATE -> parts.metrics().duplicate(parts.consumer());
            case STALE -> parts.metrics().stale(parts.consumer());
            case SKIPPED -> parts.metrics().skipped(parts.consumer(), event.type());
            case PARKED, DEAD_LETTER -> {}
        }
    }

    private ConsumeResult deadLetter(InboundRecord record, Throwable failure) {
        String code = FailureKind.PERMANENT.name();
        parts.metrics().deadLettered(parts.consumer(), record.topic(), code);
        Span.current().setAttribute("orderflow.inbox.outcome", Outcome.DEAD_LETTER.name());
        LOG.warnf("consumer %s: dead-lettering %s: %s", parts.consumer(), record.coordinates(), failure.toString());
        return ConsumeResult.deadLetter(
                DeadLetterDescriptions.describe(record, code, failure, parts.consumer(), parts.settings().service()), failure);
    }

    private void pause(Duration backoff) {
        if (stopped) {
            throw new ConsumerStoppedException(parts.consumer());
        }
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumerStoppedException(parts.consumer());
        }
        if (stopped) {
            throw new ConsumerStoppedException(parts.consumer());
        }
    }
}
