package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.ordering.Admission;
import dev.orderflow.messaging.ordering.OrderingGate;
import dev.orderflow.messaging.ordering.ParkReason;
import java.sql.SQLException;

/**
 * Per-aggregate ordering: asks the {@link OrderingGate} (the rule is
 * {@link dev.orderflow.messaging.ordering.SequenceGate}); a stale event ends here, a gap is parked,
 * the next event goes on and, once applied or skipped, advances its stream in the same transaction.
 *
 * <p>Twins (two records with one sequence: the v1 and v2 of one logical event while a producer
 * publishes both) count as one event, whichever arrives first: after an applied twin the other is
 * a {@code DUPLICATE}; after a skipped one (a version this consumer does not handle) the other is
 * handed on, and applied if this consumer handles it.
 */
public final class OrderingStep implements DeliveryStep {
    private final OrderingGate gate;

    public OrderingStep(OrderingGate gate) {
        this.gate = gate;
    }

    @Override
    public Outcome deliver(DeliveryContext delivery, Next next) throws SQLException {
        long sequence = delivery.event().sequence();
        Admission admission = gate.admit(delivery.connection(), delivery.stream(), sequence);
        switch (admission.decision()) {
            case STALE -> {
                return Outcome.STALE;
            }
            case TWIN_OF_APPLIED -> {
                return Outcome.DUPLICATE;
            }
            case GAP -> {
                delivery.parking().park(ParkReason.GAP, "waiting for sequence " + admission.expected());
                return Outcome.PARKED;
            }
            case NEXT -> {
                Outcome outcome = next.deliver(delivery);
                if (outcome == Outcome.APPLIED) {
                    gate.advance(delivery.connection(), delivery.stream(), sequence);
                } else if (outcome == Outcome.SKIPPED) {
                    gate.skip(delivery.connection(), delivery.stream(), sequence);
                }
                return outcome;
            }
            case TWIN_OF_SKIPPED -> {
                Outcome outcome = next.deliver(delivery);
                if (outcome == Outcome.APPLIED) {
                    gate.advance(delivery.connection(), delivery.stream(), sequence);
                }
                // Neither version handled: one logical event, already skipped once.
                return outcome == Outcome.SKIPPED ? Outcome.DUPLICATE : outcome;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
