package dev.orderflow.order.domain;

/** The facts of the other services that move an order, and the status each one leads to. */
public enum OrderFact {
    INVENTORY_RESERVED(OrderStatus.RESERVED),
    INVENTORY_REJECTED(OrderStatus.REJECTED),
    PAYMENT_CAPTURED(OrderStatus.PAID),
    SHIPMENT_SCHEDULED(OrderStatus.SHIPPED),
    /** Stock is back: the payment was declined or the customer's cancellation won the race. */
    INVENTORY_RELEASED(OrderStatus.CANCELLED);

    public final OrderStatus target;

    OrderFact(OrderStatus target) {
        this.target = target;
    }
}
