package dev.orderflow.payment.domain;

import java.util.UUID;

/** A requested transition that {@link PaymentStatus#verdictFor} dead-letters. Nothing was changed. */
public class IllegalPaymentTransition extends RuntimeException {
    public IllegalPaymentTransition(UUID orderId, PaymentStatus from, PaymentStatus to) {
        super("payment of order " + orderId + " cannot move from " + from + " to " + to);
    }
}
