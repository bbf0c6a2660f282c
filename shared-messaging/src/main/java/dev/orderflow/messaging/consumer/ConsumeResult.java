package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.deadletter.DeadLetter;

/** How one delivery ended. Every delivery ends in exactly one of these (the checker's accounting). */
public record ConsumeResult(Outcome outcome, DeadLetter deadLetter, Throwable failure) {

    public enum Outcome {
        APPLIED,
        /**
         * Same event id already recorded in the inbox, or another record of a sequence already
         * consumed (the v1/v2 twin of one logical event): ignored.
         */
        DUPLICATE,
        /** Sequence already applied: ignored. */
        STALE,
        /**
         * A type this consumer does not handle, from its topic's producer: its sequence is consumed
         * without effect (a tolerant reader), counted in {@code orderflow.events.skipped}.
         */
        SKIPPED,
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
