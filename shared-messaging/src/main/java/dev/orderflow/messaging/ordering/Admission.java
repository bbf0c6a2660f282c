package dev.orderflow.messaging.ordering;

/**
 * What an {@link OrderingGate} decided for one event, and the stream position it decided against.
 *
 * @param lastApplied the last sequence consumed on the stream (applied or skipped)
 */
public record Admission(SequenceGate.Decision decision, long lastApplied) {

    /** The sequence the stream waits for next (what a parked gap waits for). */
    public long expected() {
        return lastApplied + 1;
    }
}
