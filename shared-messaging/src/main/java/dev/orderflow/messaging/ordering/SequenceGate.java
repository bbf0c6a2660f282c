package dev.orderflow.messaging.ordering;

/**
 * The per-aggregate ordering rule, in one place: given the last sequence a consumer applied for
 * one stream (producer × aggregate) and the sequence of an event arriving on it, is the event old,
 * early, or the next one? The live path and the release of parked events both ask here.
 * See docs/patterns/per-aggregate-ordering.md.
 */
public final class SequenceGate {

    public enum Decision {
        /** {@code incoming <= lastApplied}: already applied (a redelivery or replay); ignore it. */
        STALE,
        /** {@code incoming > lastApplied + 1}: an earlier event is missing; park it until the gap closes. */
        GAP,
        /** {@code incoming == lastApplied + 1}: apply it, then the stream advances to it. */
        NEXT
    }

    private SequenceGate() {}

    /** @param lastApplied 0 when nothing of the stream was applied yet (sequences start at 1) */
    public static Decision decide(long lastApplied, long incoming) {
        if (incoming <= lastApplied) {
            return Decision.STALE;
        }
        return incoming == lastApplied + 1 ? Decision.NEXT : Decision.GAP;
    }
}
