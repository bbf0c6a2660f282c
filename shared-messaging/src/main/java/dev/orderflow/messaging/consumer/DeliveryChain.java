package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.inbox.DuplicateDetector;
import dev.orderflow.messaging.ordering.OrderingGate;
import java.sql.SQLException;
import java.util.List;

/**
 * The steps a delivery passes through, in this order, inside one transaction:
 * <ol>
 *   <li>{@link DedupeStep} — the inbox: a redelivered event id ends here as {@code DUPLICATE};
 *   <li>{@link SourceStep} — a record not from its topic's producer is dead-lettered;
 *   <li>{@link OrderingStep} — the sequence gate: {@code STALE} ends here, a gap is parked, the
 *       second twin of one sequence is a {@code DUPLICATE} unless the first was skipped;
 *   <li>{@link HandlerStep} — the service's handler: applied, parked for a prerequisite, or
 *       {@code SKIPPED} (a type it does not handle; the ordering step still advances the stream).
 * </ol>
 * The release of a parked event runs the same chain without the dedupe step (its inbox row was
 * written when it was parked), so the ordering rule is decided in one place for both.
 */
public final class DeliveryChain {
    private final List<DeliveryStep> steps;
    private final HandlerStep handler;

    public DeliveryChain(List<DeliveryStep> steps, HandlerStep handler) {
        this.steps = List.copyOf(steps);
        this.handler = handler;
    }

    /** The chain of a live delivery. */
    public static DeliveryChain live(
            DuplicateDetector duplicates, KnownProducers producers, OrderingGate gate, EventHandler handler) {
        return new DeliveryChain(
                List.of(new DedupeStep(duplicates), new SourceStep(producers), new OrderingStep(gate)), new HandlerStep(handler));
    }

    /** The chain of a parked event's release: the same steps after the dedupe. */
    public static DeliveryChain release(KnownProducers producers, OrderingGate gate, EventHandler handler) {
        return new DeliveryChain(List.of(new SourceStep(producers), new OrderingStep(gate)), new HandlerStep(handler));
    }

    public Outcome deliver(DeliveryContext delivery) throws SQLException {
        return deliverFrom(0, delivery);
    }

    private Outcome deliverFrom(int index, DeliveryContext delivery) throws SQLException {
        if (index == steps.size()) {
            return handler.deliver(delivery);
        }
        return steps.get(index).deliver(delivery, next -> deliverFrom(index + 1, next));
    }
}
