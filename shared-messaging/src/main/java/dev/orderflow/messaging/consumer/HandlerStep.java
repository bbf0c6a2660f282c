package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.envelope.CausalContext;
import dev.orderflow.messaging.ordering.ParkReason;
import java.sql.SQLException;

/**
 * The end of the chain: the service's {@link EventHandler}, with the event as the cause of what it
 * appends to the outbox. "Not yet" ({@link HandlerOutcome#awaiting}) parks the event for its
 * prerequisite; "not mine" ({@link HandlerOutcome#notHandled}) is {@code SKIPPED}.
 */
public final class HandlerStep {
    private final EventHandler handler;

    public HandlerStep(EventHandler handler) {
        this.handler = handler;
    }

    public Outcome deliver(DeliveryContext delivery) throws SQLException {
        IncomingEvent event = delivery.event();
        HandlerOutcome outcome = CausalContext.callWithin(event.envelope(), () -> handler.handle(event));
        if (!outcome.handled()) {
            return Outcome.SKIPPED;
        }
        if (!outcome.isApplied()) {
            delivery.parking().park(ParkReason.PREREQUISITE, outcome.prerequisite());
            return Outcome.PARKED;
        }
        return Outcome.APPLIED;
    }
}
