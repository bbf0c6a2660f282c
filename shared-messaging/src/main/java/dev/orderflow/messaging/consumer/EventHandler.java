package dev.orderflow.messaging.consumer;

/**
 * A service's business reaction to events, one per consumer (typically one per service, covering
 * all its channels, dispatching on {@code event.type()} against {@code EventTypes} constants).
 * Runs inside the transaction that also writes the inbox row: use the service's repositories
 * and the outbox freely. A type it does not act on goes back as {@link HandlerOutcome#notHandled()}
 * (the dispatch's default branch): the event is skipped and counted, its sequence consumed so the
 * stream keeps moving, and the twin of another version that this handler does handle still applies.
 */
public interface EventHandler {

    /** The inbox's consumer name, e.g. {@code payment-service}. Stable: dedupe records are keyed by it. */
    String consumer();

    HandlerOutcome handle(IncomingEvent event);
}
