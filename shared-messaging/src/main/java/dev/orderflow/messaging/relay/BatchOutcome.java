package dev.orderflow.messaging.relay;

import java.util.Set;

/**
 * How one batch ended, and what the relay does next.
 *
 * @param readIds ids of the rows read: a full batch means more may be waiting (no pause for a
 *                NOTIFY), and a NOTIFY about one of them is no reason to wake
 * @param status what happened
 * @param failure what stopped a failing batch, for readiness and logs; null otherwise
 */
record BatchOutcome(Set<Long> readIds, Status status, String failure) {

    int read() {
        return readIds.size();
    }

    enum Status {
        /** Every row sent was acknowledged and marked (rows of held aggregates aside). */
        PUBLISHED(false, false),
        /** A row was rejected for good: its aggregate is held, the producer was aborted. */
        REJECTED(true, false),
        /** Encoding for publication failed (the schema registry unreachable): nothing was sent. */
        UNAVAILABLE(false, true),
        /** Sends failed retriably (broker unreachable, timeout) or were interrupted. */
        BROKEN(true, true);

        private final boolean replacesProducer;
        private final boolean backsOff;

        Status(boolean replacesProducer, boolean backsOff) {
            this.replacesProducer = replacesProducer;
            this.backsOff = backsOff;
        }

        /** The aborted producer may hold state about the failed batch: start clean. */
        boolean replacesProducer() {
            return replacesProducer;
        }

        /** Nothing moves: pause, and let readiness say so. */
        boolean backsOff() {
            return backsOff;
        }
    }

    static BatchOutcome published(Set<Long> readIds) {
        return new BatchOutcome(readIds, Status.PUBLISHED, null);
    }
}
