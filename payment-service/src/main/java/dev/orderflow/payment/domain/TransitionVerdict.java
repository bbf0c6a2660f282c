package dev.orderflow.payment.domain;

/** How a requested payment transition is classified (see {@link PaymentStatus#verdictFor}). */
public enum TransitionVerdict {
    /** In the transition table: apply it. */
    ALLOWED,
    /** Refused, harmless: nothing changes, the event is consumed. */
    IGNORED,
    /** Refused, contradicts this service's state: the event goes to the dead-letter topic. */
    DEAD_LETTERED
}
