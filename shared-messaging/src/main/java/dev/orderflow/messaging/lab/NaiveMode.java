package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.inbox.DuplicateDetector;
import dev.orderflow.messaging.inbox.InboxDuplicateDetector;
import dev.orderflow.messaging.ordering.OrderingGate;
import dev.orderflow.messaging.ordering.SequenceOrderingGate;

/**
 * Switches that turn a pattern OFF, so the sandbox and the tests can show what each pattern
 * prevents. All off by default; never enable them in a real deployment.
 *
 * <p>Configured by {@code orderflow.messaging.naive.dual-write}, {@code .no-inbox},
 * {@code .no-sequence-checks}, {@code .no-idempotency-keys}.
 *
 * @param dualWrite publish straight to Kafka after the business commit instead of writing an
 *     outbox row: a crash between the two loses the event
 * @param noInbox apply every delivery: a redelivery is applied twice
 * @param noSequenceChecks apply in arrival order: stale events are re-applied, gaps applied out of order
 * @param noIdempotencyKeys call external side effects (the payment provider) with a new key per
 *     attempt: a retry after a timeout charges again
 */
public record NaiveMode(boolean dualWrite, boolean noInbox, boolean noSequenceChecks, boolean noIdempotencyKeys) {

    public static final NaiveMode OFF = new NaiveMode(false, false, false, false);

    public NaiveMode(boolean dualWrite, boolean noInbox, boolean noSequenceChecks) {
        this(dualWrite, noInbox, noSequenceChecks, false);
    }

    public static NaiveMode dualWriteOnly() {
        return new NaiveMode(true, false, false);
    }

    public static NaiveMode noInboxOnly() {
        return new NaiveMode(false, true, false);
    }

    public static NaiveMode noSequenceChecksOnly() {
        return new NaiveMode(false, false, true);
    }

    /** The dedupe step this mode consumes with: the template's inbox, or the lab's pass-through. */
    public DuplicateDetector duplicateDetector() {
        return noInbox ? new PassThroughInbox() : new InboxDuplicateDetector();
    }

    /** The ordering step this mode consumes with: the template's sequence gate, or the lab's unchecked one. */
    public OrderingGate orderingGate() {
        return noSequenceChecks ? new UncheckedOrderingGate() : new SequenceOrderingGate();
    }

    public boolean anyEnabled() {
        return dualWrite || noInbox || noSequenceChecks || noIdempotencyKeys;
    }
}
