package dev.orderflow.payment.service;

/** What a payment use case did; every outcome but {@link #NO_PAYMENT} consumes the event. */
public enum PaymentOutcome {
    PENDING,
    CAPTURED,
    FAILED,
    CANCELLED,
    REFUNDED,
    /** Refused by the transition table as harmless (e.g. captured twice): nothing changed, nothing published. */
    IGNORED,
    /** The order's {@code OrderPlaced} has not been applied here yet. */
    NO_PAYMENT
}
