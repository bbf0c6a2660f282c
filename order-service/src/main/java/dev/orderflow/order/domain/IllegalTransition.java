package dev.orderflow.order.domain;

import java.util.UUID;

public class IllegalTransition extends RuntimeException {
    public final UUID orderId;
    public final OrderStatus from;
    public final OrderStatus to;

    public IllegalTransition(UUID orderId, OrderStatus from, OrderStatus to) {
        super("order " + orderId + " cannot move from " + from + " to " + to);
        this.orderId = orderId;
        this.from = from;
        this.to = to;
    }
}
