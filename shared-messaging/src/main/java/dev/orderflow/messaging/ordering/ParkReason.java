package dev.orderflow.messaging.ordering;

public enum ParkReason {
    /** The event's sequence is ahead of the next expected one: an earlier event is missing. */
    GAP,
    /** The handler said "not yet": something it needs lives on another topic and has not arrived. */
    PREREQUISITE;

    /** The dead-letter failure code of an event that stayed parked for this reason too long. */
    public String timeoutFailure() {
        return name() + "_TIMEOUT";
    }
}
