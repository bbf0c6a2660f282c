package dev.orderflow.payment.service;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** What payment-service keeps from {@code OrderPlaced}: who pays how much. */
public record RememberOrder(UUID orderId, String customerId, BigDecimal total, String currency) {
    public RememberOrder {
        Objects.requireNonNull(orderId, "orderId");
    }
}
