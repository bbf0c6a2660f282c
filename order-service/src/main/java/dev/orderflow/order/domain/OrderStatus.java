package dev.orderflow.order.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order's life cycle as an explicit transition table: PLACED → RESERVED → PAID → SHIPPED,
 * PLACED → REJECTED, RESERVED or PAID → CANCELLED. Nothing moves backwards; terminal states stay.
 */
public enum OrderStatus {
    PLACED,
    RESERVED,
    PAID,
    SHIPPED,
    REJECTED,
    CANCELLED;

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            PLACED, EnumSet.of(RESERVED, REJECTED, CANCELLED),
            RESERVED, EnumSet.of(PAID, CANCELLED),
            PAID, EnumSet.of(SHIPPED, CANCELLED),
            SHIPPED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    public boolean canMoveTo(OrderStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }
}
