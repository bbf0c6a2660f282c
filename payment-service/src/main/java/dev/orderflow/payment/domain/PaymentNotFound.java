package dev.orderflow.payment.domain;

import java.util.UUID;

public class PaymentNotFound extends RuntimeException {
    public PaymentNotFound(UUID orderId) {
        super("no payment for order " + orderId + " (its OrderPlaced has not been received)");
    }
}
