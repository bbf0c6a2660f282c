package dev.orderflow.messaging.consumer;

/**
 * What a handler did with an event. Permanent failures are thrown
 * ({@link dev.orderflow.messaging.failure.PermanentFailureException}), not returned.
 *
 * @param prerequisite null when applied; otherwise what the event waits for
 */
public record HandlerOutcome(String prerequisite) {
    private static final HandlerOutcome APPLIED = new HandlerOutcome(null);

    /** The event's effect is done (or the event is deliberately ignored): its sequence is consumed. */
    public static HandlerOutcome applied() {
        return APPLIED;
    }

    /**
     * Not yet: something this event needs has not arrived (e.g. {@code InventoryReserved} before
     * {@code OrderPlaced}, which comes on another topic). The event is parked durably and retried
     * whenever another event of the same subject is applied.
     */
    public static HandlerOutcome awaiting(String prerequisite) {
        return new HandlerOutcome(prerequisite);
    }

    public boolean isApplied() {
        return prerequisite == null;
    }
}
