package dev.orderflow.statemachine;

/**
 * What a state table answers when an event asks an aggregate to move: the one reaction vocabulary
 * of all services. Plain Java (no framework or messaging types), so {@code domain} packages return
 * it; the service's event handler turns it into what the consumer does with the event.
 */
public enum TransitionVerdict {
    /** In the transition table: move, and the event is consumed. */
    APPLY,
    /** Not yet: the fact arrived before the step it follows (another topic); the event is parked until it can apply. */
    PARK,
    /** Refused, harmless (a repeat, or a race the saga allows): nothing changes, the event is consumed. */
    IGNORE,
    /** Refused, contradicts this service's state: nothing changes, the event goes to the dead-letter topic. */
    REFUSE
}
