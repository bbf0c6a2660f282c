package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.deadletter.DeadLetter;

/** How one delivery ended. Every delivery ends in exactly one of these (the checker's accounting). */
public record ConsumeResult(Outcome outcome, DeadLetter deadLetter, Throwable failure) {

    public enum Outcome {
        APPLIED,
        /** Same event id already recorded in the inbox: skipped. */
        DUPLICATE,
        /** Sequence already applied: ignored. */
        STALE,
        /** Arrived early (gap or missing prerequisite): stored, applied later. */
        PARKED,
        /** Given up: belongs on the dead-letter topic. */
        DEAD_LETTER
    }

    public static ConsumeResult of(Outcome outcome) {
        return new ConsumeResult(outcome, null, null);
    }

    public static ConsumeResult deadLetter(DeadLetter deadLetter, Throwable failure) {
        return new ConsumeResult(Outcome.DEAD_LETTER, deadLetter, failure);
    }
}
