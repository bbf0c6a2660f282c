package dev.orderflow.messaging.inbox;

import dev.orderflow.messaging.envelope.CausalContext;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.failure.DeadLetter;
import dev.orderflow.messaging.failure.DeadLetterPublisher;
import dev.orderflow.messaging.failure.FailureClassifier;
import dev.orderflow.messaging.failure.FailureKind;
import dev.orderflow.messaging.faults.FaultPoint;
import dev.orderflow.messaging.faults.FaultPoints;
import dev.orderflow.messaging.health.ConsumerProgress;
import dev.orderflow.messaging.inbox.ConsumeResult.Outcome;
import dev.orderflow.messaging.jdbc.TransactionRunner;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.ordering.ConsumerStreams;
import dev.orderflow.messaging.ordering.ParkReason;
import dev.orderflow.messaging.ordering.ParkedEvent;
import dev.orderflow.messaging.ordering.ParkingLot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import dev.orderflow.messaging.tracing.EventLogContext;
import dev.orderflow.messaging.tracing.MessagingSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The consumer side of every pattern, for one {@link EventHandler}: idempotent consumer (inbox),
 * per-aggregate ordering (stale / gap / prerequisite parking) and failure classification.
 *
 * <p>One delivery = one database transaction: inbox row + sequence check + the handler's business
 * change commit together or not at all. The caller acknowledges (commits the offset) only after
 * {@link #process} returns, i.e. after that commit. Transient failures are retried here, on the
 * same record, until they pass: the partition waits instead of skipping.
 */
public final class InboundEventProcessor {
    private static final Logger LOG = Logger.getLogger(InboundEventProcessor.class);

    private final EventHandler handler;
    private final String consumer;
    private final TransactionRunner transactions;
    private final ConsumerSettings settings;
    private final FaultPoints faults;
    private final MessagingMetrics metrics;
    private final ConsumerProgress progress;
    private final DeadLetterPublisher deadLetters;
    private final EventDecoder decoder;
    private final MessagingSpans spans;
    private final FailureClassifier classifier = new FailureClassifier();
    private volatile boolean stopped;

    /**
     * @param deadLetters publishes parked events that expire; null to leave them parked
     * @param decoder what {@link IncomingEvent#decode} reads payloads with (the registry's writer schemas)
     */
    public InboundEventProcessor(
            EventHandler handler,
            TransactionRunner transactions,
            ConsumerSettings settings,
            FaultPoints faults,
            MessagingMetrics metrics,
            ConsumerProgress progress,
            DeadLetterPublisher deadLetters,
            EventDecoder decoder) {
        this(handler, transactions, settings, faults, metrics, progress, deadLetters, decoder, MessagingSpans.noop());
    }

    /** @param spans the CONSUMER span around each delivery (and each release of a parked event) */
    public InboundEventProcessor(
            EventHandler handler,
            TransactionRunner transactions,
            ConsumerSettings settings,
            FaultPoints faults,
            MessagingMetrics metrics,
            ConsumerProgress progress,
            DeadLetterPublisher deadLetters,
            EventDecoder decoder,
            MessagingSpans spans) {
        this.spans = spans;
        this.handler = handler;
        this.consumer = handler.consumer();
        this.transactions = transactions;
        this.settings = settings;
        this.faults = faults;
        this.metrics = metrics;
        this.progress = progress;
        this.deadLetters = deadLetters;
        this.decoder = decoder;
    }

    public String consumer() {
        return consumer;
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
        return traced(record, () -> processTraced(record));
    }

    /**
     * Runs one delivery inside its CONSUMER span (so events appended while handling it carry this
     * span's trace) and with the event's ids in the logging MDC (every line written meanwhile names them).
     */
    private <T> T traced(InboundRecord record, Supplier<T> work) {
        Span span = spans.startProcess(record.topic(), record.partition(), record.offset(), consumer, record.headers());
        try (Scope scope = span.makeCurrent(); EventLogContext logContext = EventLogContext.of(record.headers(), span)) {
            return work.get();
        } catch (RuntimeException e) {
            MessagingSpans.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private ConsumeResult processTraced(InboundRecord record) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromHeaders(record.headers());
        } catch (RuntimeException malformed) {
            return deadLetter(record, "PERMANENT", malformed);
        }
        IncomingEvent event = new IncomingEvent(envelope, record, decoder);
        Duration backoff = settings.initialBackoff();
        int unknownFailures = 0;
        while (true) {
            try {
                Delivery delivery = transactions.inNewTransaction(connection -> deliverInTransaction(connection, event));
                Outcome outcome = delivery.outcome();
                count(outcome);
                Span.current().setAttribute("orderflow.inbox.outcome", outcome.name());
                LOG.infof("consumer %s: %s %s seq %d of %s -> %s",
                        consumer, event.type(), event.id(), event.sequence(), event.subject(), outcome);
                faults.reach(FaultPoint.AFTER_CONSUMER_COMMIT_BEFORE_OFFSET_COMMIT);
                progress.progressed(consumer);
                if (delivery.releasesParked()) {
                    releaseParked(event.subject());
                }
                return ConsumeResult.of(outcome);
            } catch (RuntimeException failure) {
                if (stopped) {
                    // Failing while the service stops (its persistence unit closing) says nothing about
                    // the record: not dead-lettered, redelivered after the restart.
                    throw new ConsumerStoppedException(consumer);
                }
                FailureKind kind = classifier.classify(failure);
                if (kind == FailureKind.PERMANENT
                        || (kind == FailureKind.UNKNOWN && ++unknownFailures >= settings.maxUnknownAttempts())) {
                    progress.progressed(consumer);
                    return deadLetter(record, "PERMANENT", failure);
                }
                // Transient (or not yet given up): same record again after a pause; nothing is skipped.
                progress.stuck(consumer, failure);
                metrics.transientRetry(consumer);
                LOG.warnf("consumer %s: %s failed (%s), retrying in %d ms: %s",
                        consumer, record.coordinates(), kind, backoff.toMillis(), failure.toString());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * What one delivery's transaction did; {@code releasesParked}: it applied the event and events of
     * the same aggregate are parked, which it may have made applicable.
     */
    private record Delivery(Outcome outcome, boolean releasesParked) {}

    /**
     * Asks for parked events inside the delivery's own transaction: most applied events find none,
     * and a second transaction per delivery only to learn that is wasted work. An event parked by
     * a concurrent transaction that commits after this check waits for the periodic sweep.
     */
    private Delivery deliverInTransaction(Connection connection, IncomingEvent event) throws SQLException {
        Outcome outcome = processInTransaction(connection, event);
        return new Delivery(outcome, outcome == Outcome.APPLIED && ParkingLot.anyOf(connection, consumer, event.subject()));
    }

    private Outcome processInTransaction(Connection connection, IncomingEvent event) throws SQLException {
        if (!settings.naive().noInbox() && !Inbox.record(connection, consumer, event.id())) {
            return Outcome.DUPLICATE;
        }
        if (settings.naive().noSequenceChecks()) {
            return applyOrPark(connection, event);
        }
        long last = ConsumerStreams.lockLastApplied(connection, consumer, event.envelope().source(), event.subject());
        if (event.sequence() <= last) {
            return Outcome.STALE;
        }
        if (event.sequence() > last + 1) {
            ParkingLot.park(connection, consumer, event, ParkReason.GAP, "waiting for sequence " + (last + 1));
            metrics.parked(consumer, ParkReason.GAP.name());
            return Outcome.PARKED;
        }
        return applyOrPark(connection, event);
    }

    private Outcome applyOrPark(Connection connection, IncomingEvent event) throws SQLException {
        HandlerOutcome outcome = CausalContext.callWithin(event.envelope(), () -> handler.handle(event));
        if (!outcome.isApplied()) {
            ParkingLot.park(connection, consumer, event, ParkReason.PREREQUISITE, outcome.prerequisite());
            metrics.parked(consumer, ParkReason.PREREQUISITE.name());
            return Outcome.PARKED;
        }
        if (!settings.naive().noSequenceChecks()) {
            ConsumerStreams.advance(connection, consumer, event.envelope().source(), event.subject(), event.sequence());
        }
        return Outcome.APPLIED;
    }

    /**
     * Applies what became applicable for one aggregate: the next sequence of a gap, or an event
     * whose prerequisite may have arrived. Each release is its own transaction; repeats until
     * nothing moves. Safe to run concurrently (parked rows are locked with SKIP LOCKED).
     */
    public int releaseParked(String subject) {
        int released = 0;
        try {
            boolean moved = true;
            while (moved) {
                moved = false;
                List<ParkedEvent> parked = transactions.inNewTransaction(c -> ParkingLot.ofSubject(c, consumer, subject));
                for (ParkedEvent candidate : parked) {
                    Outcome outcome = traced(candidate.record(), () -> release(candidate));
                    if (outcome == Outcome.APPLIED || outcome == Outcome.STALE) {
                        moved = true;
                        released += outcome == Outcome.APPLIED ? 1 : 0;
                    }
                }
            }
        } catch (RuntimeException failure) {
            // Parked rows are durable: the periodic sweep picks them up again.
            LOG.warnf("consumer %s: releasing parked events of %s failed: %s", consumer, subject, failure.toString());
        }
        return released;
    }

    /** Periodic sweep: release what became applicable, dead-letter what waited too long. */
    public void sweep() {
        List<String> subjects = transactions.inNewTransaction(c -> ParkingLot.subjects(c, consumer, 1000));
        for (String subject : subjects) {
            releaseParked(subject);
        }
        deadLetterExpiredParked();
    }

    public int deadLetterExpiredParked() {
        if (deadLetters == null) {
            return 0;
        }
        List<ParkedEvent> expired = transactions.inNewTransaction(c -> ParkingLot.parkedBefore(c, consumer, settings.parkedTimeout(), 500));
        for (ParkedEvent parked : expired) {
            String failure = parked.reason() + "_TIMEOUT";
            deadLetters.publish(parked.record(), new DeadLetter(
                    failure,
                    "parked longer than " + settings.parkedTimeout() + ": " + parked.detail(),
                    null,
                    consumer,
                    settings.service(),
                    parked.record().topic(),
                    parked.record().partition(),
                    parked.record().offset()));
            transactions.inNewTransaction(c -> {
                ParkingLot.remove(c, parked.id());
                return null;
            });
            metrics.deadLettered(consumer, parked.record().topic(), failure);
            LOG.warnf("consumer %s: dead-lettered parked event %s (%s)", consumer, parked.record().coordinates(), failure);
        }
        return expired.size();
    }

    private Outcome release(ParkedEvent parked) {
        IncomingEvent event = new IncomingEvent(EventEnvelope.fromHeaders(parked.record().headers()), parked.record(), decoder);
        try {
            Outcome outcome = transactions.inNewTransaction(connection -> {
                if (!ParkingLot.lock(connection, parked.id())) {
                    return Outcome.PARKED;
                }
                if (!settings.naive().noSequenceChecks()) {
                    long last = ConsumerStreams.lockLastApplied(connection, consumer, event.envelope().source(), event.subject());
                    if (event.sequence() <= last) {
                        ParkingLot.remove(connection, parked.id());
                        return Outcome.STALE;
                    }
                    if (event.sequence() > last + 1) {
                        return Outcome.PARKED;
                    }
                }
                HandlerOutcome handled = CausalContext.callWithin(event.envelope(), () -> handler.handle(event));
                if (!handled.isApplied()) {
                    ParkingLot.stillWaiting(connection, parked.id(), handled.prerequisite());
                    return Outcome.PARKED;
                }
                if (!settings.naive().noSequenceChecks()) {
                    ConsumerStreams.advance(connection, consumer, event.envelope().source(), event.subject(), event.sequence());
                }
                ParkingLot.remove(connection, parked.id());
                return Outcome.APPLIED;
            });
            if (outcome == Outcome.APPLIED) {
                metrics.released(consumer);
                metrics.applied(consumer);
            } else if (outcome == Outcome.STALE) {
                metrics.stale(consumer);
            }
            return outcome;
        } catch (RuntimeException failure) {
            // Only a permanent failure dead-letters a parked event; anything else (a shutdown closing
            // the persistence layer under it, a failure not yet understood) leaves it parked for the next try.
            if (stopped || classifier.classify(failure) != FailureKind.PERMANENT || deadLetters == null) {
                throw failure;
            }
            DeadLetter deadLetter = describe(parked.record(), "PERMANENT", failure);
            deadLetters.publish(parked.record(), deadLetter);
            transactions.inNewTransaction(c -> {
                ParkingLot.remove(c, parked.id());
                return null;
            });
            metrics.deadLettered(consumer, parked.record().topic(), deadLetter.failure());
            return Outcome.DEAD_LETTER;
        }
    }

    private void count(Outcome outcome) {
        switch (outcome) {
            case APPLIED -> metrics.applied(consumer);
            case DUPLICATE -> metrics.duplicate(consumer);
            case STALE -> metrics.stale(consumer);
            case PARKED, DEAD_LETTER -> {}
        }
    }

    private ConsumeResult deadLetter(InboundRecord record, String failureCode, Throwable failure) {
        metrics.deadLettered(consumer, record.topic(), failureCode);
        Span.current().setAttribute("orderflow.inbox.outcome", "DEAD_LETTER");
        LOG.warnf("consumer %s: dead-lettering %s: %s", consumer, record.coordinates(), failure.toString());
        return ConsumeResult.deadLetter(describe(record, failureCode, failure), failure);
    }

    private DeadLetter describe(InboundRecord record, String failureCode, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof dev.orderflow.messaging.failure.PermanentFailureException)) {
            root = root.getCause();
        }
        return new DeadLetter(
                failureCode,
                String.valueOf(root.getMessage()),
                root.getClass().getName(),
                consumer,
                settings.service(),
                record.topic(),
                record.partition(),
                record.offset());
    }

    private void pause(Duration backoff) {
        if (stopped) {
            throw new ConsumerStoppedException(consumer);
        }
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumerStoppedException(consumer);
        }
        if (stopped) {
            throw new ConsumerStoppedException(consumer);
        }
    }
}
