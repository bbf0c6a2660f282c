package dev.orderflow.order.domain;

import dev.orderflow.statemachine.TransitionVerdict;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order's life cycle as an explicit transition table: PLACED → RESERVED → PAID → SHIPPED,
 * PLACED → REJECTED, RESERVED or PAID → CANCELLED. Nothing moves backwards; terminal states stay.
 * {@link #verdictFor} says what a fact of the saga does to an order in each state.
 */
public enum OrderStatus {
    PLACED,
    RESERVED,
    PAID,
    SHIPPED,
    REJECTED,
    CANCELLED;

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            PLACED, EnumSet.of(RESERVED, REJECTED),
            RESERVED, EnumSet.of(PAID, CANCELLED),
            PAID, EnumSet.of(SHIPPED, CANCELLED),
            SHIPPED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    /** Facts that arrive early (another topic) and wait for the state they need. */
    private static final Map<OrderFact, Set<OrderStatus>> PARKED_IN = Map.of(
            OrderFact.PAYMENT_CAPTURED, EnumSet.of(PLACED),
            OrderFact.SHIPMENT_SCHEDULED, EnumSet.of(PLACED, RESERVED));

    /**
     * Facts that may legitimately arrive after the order moved on: repeats of the step already
     * taken, and a capture that lost to a cancellation (payment-service refunds it).
     */
    private static final Map<OrderFact, Set<OrderStatus>> IGNORED_IN = Map.of(
            OrderFact.INVENTORY_RESERVED, EnumSet.of(RESERVED, PAID, SHIPPED, CANCELLED),
            OrderFact.INVENTORY_REJECTED, EnumSet.of(REJECTED),
            OrderFact.PAYMENT_CAPTURED, EnumSet.of(PAID, SHIPPED, CANCELLED),
            OrderFact.SHIPMENT_SCHEDULED, EnumSet.of(SHIPPED),
            OrderFact.INVENTORY_RELEASED, EnumSet.of(CANCELLED));

    public boolean canMoveTo(OrderStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** Apply, park, ignore, or refuse (anything else contradicts the saga, e.g. a shipment after a cancellation). */
    public TransitionVerdict verdictFor(OrderFact fact) {
        if (canMoveTo(fact.target)) {
            return TransitionVerdict.APPLY;
        }
        if (PARKED_IN.getOrDefault(fact, Set.of()).contains(this)) {
            return TransitionVerdict.PARK;
        }
        if (IGNORED_IN.get(fact).contains(this)) {
            return TransitionVerdict.IGNORE;
        }
        return TransitionVerdict.REFUSE;
    }
}
