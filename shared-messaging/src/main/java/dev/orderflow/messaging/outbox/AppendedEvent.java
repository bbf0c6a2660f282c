package dev.orderflow.messaging.outbox;

import dev.orderflow.messaging.envelope.EventEnvelope;

/** An event accepted by the outbox in the current transaction, with its assigned envelope. */
public record AppendedEvent(EventEnvelope envelope, OutboxEvent event) {}
