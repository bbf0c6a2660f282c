package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.ordering.Admission;
import dev.orderflow.messaging.ordering.OrderingGate;
import dev.orderflow.messaging.ordering.ParkReason;
import java.sql.SQLException;

/**
 * Per-aggregate ordering: asks the {@link OrderingGate} (the rule is
 * {@link dev.orderflow.messaging.ordering.SequenceGate}); a stale event ends here, a gap is parked,
 * the next event goes on and, once applied, advances its stream in the same transaction.
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
            case GAP -> {
                delivery.parking().park(ParkReason.GAP, "waiting for sequence " + admission.expected());
                return Outcome.PARKED;
            }
            case NEXT -> {
                Outcome outcome = next.deliver(delivery);
                if (outcome == Outcome.APPLIED) {
                    gate.advance(delivery.connection(), delivery.stream(), sequence);
                }
                return outcome;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
