package dev.orderflow.inventory.domain;

import dev.orderflow.statemachine.TransitionVerdict;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An order's reservation as an explicit transition table. An order is decided once, on
 * {@code OrderPlaced}: {@code RESERVED} (every line) or {@code REJECTED} (none). Then
 * {@code RESERVED → RELEASED} (payment failed or order cancelled) or
 * {@code RESERVED → COMMITTED} (shipment scheduled). REJECTED, RELEASED and COMMITTED are terminal.
 *
 * <p>A transition the table does not allow is never a silent overwrite: {@link #verdictFor} classifies
 * it as {@link TransitionVerdict#IGNORE} (the outcome already holds, or a race the saga allows, e.g.
 * a cancellation that arrives after the shipment) or {@link TransitionVerdict#REFUSE} (a fact
 * that contradicts this service's state and needs an operator, e.g. a shipment of released stock).
 */
public enum ReservationStatus {
    RESERVED,
    REJECTED,
    RELEASED,
    COMMITTED;

    private static final Map<ReservationStatus, Set<ReservationStatus>> ALLOWED = Map.of(
            RESERVED, EnumSet.of(RELEASED, COMMITTED),
            REJECTED, EnumSet.noneOf(ReservationStatus.class),
            RELEASED, EnumSet.noneOf(ReservationStatus.class),
            COMMITTED, EnumSet.noneOf(ReservationStatus.class));

    /** Refused transitions that need an operator; every other refused one is ignored. */
    private static final Map<ReservationStatus, Set<ReservationStatus>> DEAD_LETTERED = Map.of(
            RESERVED, EnumSet.noneOf(ReservationStatus.class),
            // a shipment for an order that never got stock
            REJECTED, EnumSet.of(COMMITTED),
            // a shipment for stock already given back (it may have been sold again)
            RELEASED, EnumSet.of(COMMITTED),
            COMMITTED, EnumSet.noneOf(ReservationStatus.class));

    public boolean canMoveTo(ReservationStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }

    /**
     * What to do when an event asks for {@code target}. Ignored, among others: the same state again
     * (a repeated release is a no-op), a second {@code OrderPlaced} decision (the first one stands),
     * releasing a rejected order (nothing is held), a cancellation after the stock shipped.
     */
    public TransitionVerdict verdictFor(ReservationStatus target) {
        if (canMoveTo(target)) {
            return TransitionVerdict.APPLY;
        }
        return DEAD_LETTERED.get(this).contains(target) ? TransitionVerdict.REFUSE : TransitionVerdict.IGNORE;
    }
}
