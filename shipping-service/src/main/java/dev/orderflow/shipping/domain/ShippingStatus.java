package dev.orderflow.shipping.domain;

import static dev.orderflow.statemachine.TransitionVerdict.APPLY;
import static dev.orderflow.statemachine.TransitionVerdict.IGNORE;
import static dev.orderflow.statemachine.TransitionVerdict.REFUSE;

import dev.orderflow.statemachine.TransitionVerdict;
import java.util.Map;

/**
 * shipping-service's view of an order as an explicit transition table. The order is remembered on
 * {@code OrderPlaced} as {@code AWAITING_PAYMENT}; then exactly one decision:
 * {@code AWAITING_PAYMENT → SCHEDULED} (payment captured) or {@code AWAITING_PAYMENT → CANCELLED}
 * (the customer's cancellation came first). SCHEDULED and CANCELLED are terminal.
 *
 * <p>A transition the table does not allow is never a silent overwrite: {@link #verdictFor}
 * classifies it as {@link TransitionVerdict#IGNORE} (a late or repeated fact: a second capture, a
 * cancellation that lost the race, a capture after the cancellation won) or
 * {@link TransitionVerdict#REFUSE} (moving a decided order back, which no fact can justify).
 */
public enum ShippingStatus {
    AWAITING_PAYMENT,
    SCHEDULED,
    CANCELLED;

    /**
     * The whole table, every (from, to) pair, as the README shows it. Ignored: the same state again
     * (a duplicate capture or cancellation), SCHEDULED → CANCELLED (the cancellation lost the race),
     * CANCELLED → SCHEDULED (payment refunds on {@code ShipmentCancelled}). Dead-lettered: a decided
     * order cannot become undecided; the shipment or the compensation already happened.
     */
    private static final Map<ShippingStatus, Map<ShippingStatus, TransitionVerdict>> TABLE = Map.of(
            AWAITING_PAYMENT, Map.of(AWAITING_PAYMENT, IGNORE, SCHEDULED, APPLY, CANCELLED, APPLY),
            SCHEDULED, Map.of(AWAITING_PAYMENT, REFUSE, SCHEDULED, IGNORE, CANCELLED, IGNORE),
            CANCELLED, Map.of(AWAITING_PAYMENT, REFUSE, SCHEDULED, IGNORE, CANCELLED, IGNORE));

    /** What to do when an event asks for {@code target}. */
    public TransitionVerdict verdictFor(ShippingStatus target) {
        return TABLE.get(this).get(target);
    }

    public boolean canMoveTo(ShippingStatus target) {
        return verdictFor(target) == APPLY;
    }

    /** Nothing moves on from it: the order's one decision is made. */
    public boolean isTerminal() {
        return !TABLE.get(this).containsValue(APPLY);
    }
}
