package dev.orderflow.messaging.ordering;

/**
 * The per-aggregate ordering rule, in one place: given the last sequence a consumer consumed for
 * one stream (producer × aggregate), whether it was applied or skipped, and the sequence of an
 * event arriving on it, is the event old, early, the next one, or a second record of the last one?
 * The live path and the release of parked events both ask here.
 * See docs/patterns/per-aggregate-ordering.md.
 */
public final class SequenceGate {

    public enum Decision {
        /** {@code incoming < last}: already consumed (a redelivery or replay); ignore it. */
        STALE,
        /** {@code incoming > last + 1}: an earlier event is missing; park it until the gap closes. */
        GAP,
        /** {@code incoming == last + 1}: hand it on, then the stream advances to it. */
        NEXT,
        /**
         * {@code incoming == last}, and the last was applied: the same logical event again (its v1/v2
         * twin, or a redelivery whose inbox row expired); a duplicate, never applied twice.
         */
        TWIN_OF_APPLIED,
        /**
         * {@code incoming == last}, and the last was skipped (a type this consumer does not handle):
         * this record may be the twin it does handle, so it is handed on as if it were the next one.
         */
        TWIN_OF_SKIPPED
    }

    private SequenceGate() {}

    /**
     * @param last 0 when nothing of the stream was consumed yet (sequences start at 1)
     * @param lastSkipped the last sequence was skipped, not applied
     */
    public static Decision decide(long last, boolean lastSkipped, long incoming) {
        if (incoming == last && incoming > 0) {
            return lastSkipped ? Decision.TWIN_OF_SKIPPED : Decision.TWIN_OF_APPLIED;
        }
        if (incoming <= last) {
            return Decision.STALE;
        }
        return incoming == last + 1 ? Decision.NEXT : Decision.GAP;
    }
}
