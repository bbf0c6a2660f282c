package dev.orderflow.messaging.consumer;

/**
 * What a handler did with an event. Permanent failures are thrown
 * ({@link dev.orderflow.messaging.failure.PermanentFailureException}), not returned.
 *
 * @param handled false for a type this handler does not act on
 * @param prerequisite null when applied or not handled; otherwise what the event waits for
 */
public record HandlerOutcome(boolean handled, String prerequisite) {
    private static final HandlerOutcome APPLIED = new HandlerOutcome(true, null);
    private static final HandlerOutcome NOT_HANDLED = new HandlerOutcome(false, null);

    /**
     * The event's effect is done (or the event is deliberately ignored because its aggregate is
     * already past it): its sequence is consumed.
     */
    public static HandlerOutcome applied() {
        return APPLIED;
    }

    /**
     * Not for this consumer: a type it does not act on (another service's concern, the other
     * version of a v1/v2 twin, a type newer than this build). Return it from the dispatch's default
     * branch. The event is skipped: its sequence is consumed, so the stream does not wait behind it,
     * yet its twin (same sequence, a version this consumer handles) is still applied.
     */
    public static HandlerOutcome notHandled() {
        return NOT_HANDLED;
    }

    /**
     * Not yet: something this event needs has not arrived (e.g. {@code InventoryReserved} before
     * {@code OrderPlaced}, which comes on another topic). The event is parked durably and retried
     * whenever another event of the same subject is applied.
     */
    public static HandlerOutcome awaiting(String prerequisite) {
        return new HandlerOutcome(true, prerequisite);
    }

    public boolean isApplied() {
        return handled && prerequisite == null;
    }
}
