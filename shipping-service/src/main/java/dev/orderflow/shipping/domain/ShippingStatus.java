package dev.orderflow.shipping.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * shipping-service's view of an order as an explicit transition table. The order is remembered on
 * {@code OrderPlaced} as {@code AWAITING_PAYMENT}; then exactly one decision:
 * {@code AWAITING_PAYMENT → SCHEDULED} (payment captured) or {@code AWAITING_PAYMENT → CANCELLED}
 * (the customer's cancellation came first). SCHEDULED and CANCELLED are terminal.
 *
 * <p>A transition the table does not allow is never a silent overwrite: {@link #verdictFor}
 * classifies it as {@link TransitionVerdict#IGNORED} (a late or repeated fact: a second capture, a
 * cancellation that lost the race, a capture after the cancellation won) or
 * {@link TransitionVerdict#DEAD_LETTERED} (moving a decided order back, which no fact can justify).
 */
public enum ShippingStatus {
    AWAITING_PAYMENT,
    SCHEDULED,
    CANCELLED;

    private static final Map<ShippingStatus, Set<ShippingStatus>> ALLOWED = Map.of(
            AWAITING_PAYMENT, EnumSet.of(SCHEDULED, CANCELLED),
            SCHEDULED, EnumSet.noneOf(ShippingStatus.class),
            CANCELLED, EnumSet.noneOf(ShippingStatus.class));

    /** Refused transitions that contradict this service's state; every other refused one is ignored. */
    private static final Map<ShippingStatus, Set<ShippingStatus>> DEAD_LETTERED = Map.of(
            AWAITING_PAYMENT, EnumSet.noneOf(ShippingStatus.class),
            // a decided order cannot become undecided: the shipment or the compensation already happened
            SCHEDULED, EnumSet.of(AWAITING_PAYMENT),
            CANCELLED, EnumSet.of(AWAITING_PAYMENT));

    public boolean canMoveTo(ShippingStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }

    /**
     * What to do when an event asks for {@code target}. Ignored: the same state again (a duplicate
     * capture or cancellation), SCHEDULED → CANCELLED (the cancellation lost the race) and
     * CANCELLED → SCHEDULED (payment refunds on {@code ShipmentCancelled}).
     */
    public TransitionVerdict verdictFor(ShippingStatus target) {
        if (canMoveTo(target)) {
            return TransitionVerdict.ALLOWED;
        }
        return DEAD_LETTERED.get(this).contains(target) ? TransitionVerdict.DEAD_LETTERED : TransitionVerdict.IGNORED;
    }
}
