package dev.orderflow.order.domain;

import java.util.UUID;

/** A cancel request for an order that has nothing left to cancel (shipped, rejected or cancelled). */
public class CancellationRefused extends RuntimeException {
    public final OrderStatus status;

    public CancellationRefused(UUID orderId, OrderStatus status) {
        super("order " + orderId + " is " + status + (status == OrderStatus.SHIPPED
                ? ": it has shipped and can no longer be cancelled"
                : ": there is nothing left to cancel"));
        this.status = status;
    }
}
