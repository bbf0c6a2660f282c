package dev.orderflow.messaging.consumer;

/**
 * A service's business reaction to events, one per consumer (typically one per service, covering
 * all its channels, dispatching on {@code event.type()} against {@code EventTypes} constants).
 * Runs inside the transaction that also writes the inbox row: use the service's repositories
 * and the outbox freely. Must pass every event of a subscribed topic back as applied, including
 * types it ignores, so the per-aggregate sequence keeps moving.
 */
public interface EventHandler {

    /** The inbox's consumer name, e.g. {@code payment-service}. Stable: dedupe records are keyed by it. */
    String consumer();

    HandlerOutcome handle(IncomingEvent event);
}
