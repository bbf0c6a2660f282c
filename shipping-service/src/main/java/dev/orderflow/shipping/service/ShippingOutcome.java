package dev.orderflow.shipping.service;

/** What a shipping use case did; every outcome but {@link #UNKNOWN_ORDER} consumes the event. */
public enum ShippingOutcome {
    REMEMBERED,
    SCHEDULED,
    CANCELLED,
    /** Refused by the transition table as harmless (a repeat, or a race already decided): nothing changed, nothing published. */
    IGNORED,
    /** The order's {@code OrderPlaced} has not been applied here yet. */
    UNKNOWN_ORDER
}
