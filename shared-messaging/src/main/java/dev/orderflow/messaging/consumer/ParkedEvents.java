package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.deadletter.DeadLetter;
import dev.orderflow.messaging.failure.FailureClassifier;
import dev.orderflow.messaging.failure.FailureKind;
import dev.orderflow.messaging.ordering.ParkReason;
import dev.orderflow.messaging.ordering.ParkedEvent;
import dev.orderflow.messaging.ordering.ParkingLot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Release of parked events through the same {@link DeliveryChain} as a live delivery (minus the
 * dedupe), and the bound on how long one may wait.
 */
final class ParkedEvents {
    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);

    private final ConsumerParts parts;
    private final DeliveryChain chain;
    private final ConsumerTracing tracing;
    private final BooleanSupplier stopped;
    private final FailureClassifier classifier = new FailureClassifier();

    ParkedEvents(ConsumerParts parts, DeliveryChain chain, ConsumerTracing tracing, BooleanSupplier stopped) {
        this.parts = parts;
        this.chain = chain;
        this.tracing = tracing;
        this.stopped = stopped;
    }

    /**
     * Applies what became applicable for one aggregate: the next sequence of a gap, or an event
     * whose prerequisite may have arrived. Each release is its own transaction; repeats until
     * nothing moves. Safe to run concurrently (parked rows are locked with SKIP LOCKED).
     */
    int release(String subject) {
        int released = 0;
        try {
            boolean moved = true;
            while (moved) {
                moved = false;
                List<ParkedEvent> parked = parts.transactions().inNewTransaction(c -> ParkingLot.ofSubject(c, parts.consumer(), subject));
                for (ParkedEvent candidate : parked) {
                    Outcome outcome = tracing.traced(candidate.record(), () -> release(candidate));
                    if (leavesTheLot(outcome)) {
                        moved = true;
                        released += outcome == Outcome.APPLIED ? 1 : 0;
                    }
                }
            }
        } catch (RuntimeException failure) {
            // Parked rows are durable: the periodic sweep picks them up again.
            LOG.warnf("consumer %s: releasing parked events of %s failed: %s", parts.consumer(), subject, failure.toString());
        }
        return released;
    }

    /** Periodic sweep: release what became applicable, dead-letter what waited too long. */
    void sweep() {
        List<String> subjects = parts.transactions().inNewTransaction(c -> ParkingLot.subjects(c, parts.consumer(), 1000));
        for (String subject : subjects) {
            release(subject);
        }
        deadLetterExpired();
    }

    int deadLetterExpired() {
        if (parts.deadLetters() == null) {
            return 0;
        }
        ConsumerSettings settings = parts.settings();
        List<ParkedEvent> expired = parts.transactions()
                .inNewTransaction(c -> ParkingLot.parkedBefore(c, parts.consumer(), settings.parkedTimeout(), 500));
        for (ParkedEvent parked : expired) {
            DeadLetter deadLetter = new DeadLetter(
                    parked.reason().timeoutFailure(),
                    "parked longer than " + settings.parkedTimeout() + ": " + parked.detail(),
                    null,
                    parts.consumer(),
                    settings.service(),
                    parked.record().topic(),
                    parked.record().partition(),
                    parked.record().offset());
            deadLetterAndRemove(parked, deadLetter);
            LOG.warnf("consumer %s: dead-lettered parked event %s (%s)", parts.consumer(), parked.record().coordinates(), deadLetter.failure());
        }
        return expired.size();
    }

    private Outcome release(ParkedEvent parked) {
        IncomingEvent event = new IncomingEvent(EventEnvelope.fromHeaders(parked.record().headers()), parked.record(), parts.decoder());
        try {
            Outcome outcome = parts.transactions().inNewTransaction(connection -> releaseInTransaction(connection, parked, event));
            switch (outcome) {
                case APPLIED -> {
                    parts.metrics().released(parts.consumer());
                    parts.metrics().applied(parts.consumer());
                }
                case STALE -> parts.metrics().stale(parts.consumer());
                case DUPLICATE -> parts.metrics().duplicate(parts.consumer());
                case SKIPPED -> parts.metrics().skipped(parts.consumer(), event.type());
                case PARKED, DEAD_LETTER -> {}
            }
            return outcome;
        } catch (RuntimeException failure) {
            // Only a permanent failure dead-letters a parked event; anything else (a shutdown closing
            // the persistence layer under it, a failure not yet understood) leaves it parked for the next try.
            if (stopped.getAsBoolean() || classifier.classify(failure) != FailureKind.PERMANENT || parts.deadLetters() == null) {
                throw failure;
            }
            deadLetterAndRemove(parked, DeadLetterDescriptions.describe(
                    parked.record(), FailureKind.PERMANENT.name(), failure, parts.consumer(), parts.settings().service()));
            return Outcome.DEAD_LETTER;
        }
    }

    /** Consumed one way or another (applied, skipped, or found stale or a twin's duplicate): no longer parked. */
    private static boolean leavesTheLot(Outcome outcome) {
        return outcome == Outcome.APPLIED || outcome == Outcome.SKIPPED || outcome == Outcome.STALE
                || outcome == Outcome.DUPLICATE;
    }

    /** Locks the parked row, runs the chain; a row that was consumed leaves the lot. */
    private Outcome releaseInTransaction(Connection connection, ParkedEvent parked, IncomingEvent event) throws SQLException {
        if (!ParkingLot.lock(connection, parked.id())) {
            return Outcome.PARKED;
        }
        Parking stillParked = (reason, detail) -> {
            if (reason == ParkReason.PREREQUISITE) {
                ParkingLot.stillWaiting(connection, parked.id(), detail);
            }
        };
        Outcome outcome = chain.deliver(new DeliveryContext(connection, parts.consumer(), event, stillParked));
        if (leavesTheLot(outcome)) {
            ParkingLot.remove(connection, parked.id());
        }
        return outcome;
    }

    private void deadLetterAndRemove(ParkedEvent parked, DeadLetter deadLetter) {
        parts.deadLetters().publish(parked.record(), deadLetter);
        parts.transactions().inNewTransaction(c -> {
            ParkingLot.remove(c, parked.id());
            return null;
        });
        parts.metrics().deadLettered(parts.consumer(), parked.record().topic(), deadLetter.failure());
    }
}
