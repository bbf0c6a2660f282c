package dev.orderflow.order.domain;

import java.util.UUID;

public class OrderNotFound extends RuntimeException {
    public OrderNotFound(UUID orderId) {
        super("no order " + orderId);
    }
}
