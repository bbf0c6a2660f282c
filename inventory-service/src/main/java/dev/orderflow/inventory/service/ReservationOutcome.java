package dev.orderflow.inventory.service;

/** What a reservation use case did; every outcome but {@link #NO_RESERVATION} consumes the event. */
public enum ReservationOutcome {
    RESERVED,
    REJECTED,
    RELEASED,
    COMMITTED,
    /** Refused by the transition table as harmless (e.g. released twice): nothing changed, nothing published. */
    IGNORED,
    /** The order's {@code OrderPlaced} has not been applied here yet. */
    NO_RESERVATION
}
