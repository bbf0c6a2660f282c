package dev.orderflow.sandbox.check;

import java.util.List;

/** One broken invariant, with the orders involved and the evidence. */
public record Anomaly(Kind kind, List<String> orderIds, String evidence) {

    public enum Kind {
        /** An order the client was told exists (2xx) is unknown to order-service. */
        LOST_ORDER,
        /** One idempotency key produced more than one order. */
        DUPLICATE_ORDER,
        /** An order is not SHIPPED, REJECTED or CANCELLED after the saga had time to finish. */
        STUCK_SAGA,
        /** An order's history leaves the allowed transition graph (e.g. goes backwards). */
        ILLEGAL_TRANSITION,
        /** available + reserved + shipped of a SKU changed, or shipped/reserved do not match the orders. */
        STOCK_DRIFT,
        NEGATIVE_STOCK,
        /** More than one capture for one order or one idempotency key at the provider. */
        DOUBLE_CHARGE,
        /** captured − refunded does not match the order's outcome (total when shipped, 0 otherwise). */
        CHARGE_MISMATCH,
        DUPLICATE_SHIPMENT,
        /** A SHIPPED order without a shipment. */
        MISSING_SHIPMENT,
        /** A CANCELLED or REJECTED order with a shipment. */
        SHIPPED_AFTER_CANCEL,
        /** An outbox row still unpublished after the platform went quiet. */
        UNPUBLISHED_EVENT,
        /** A dead letter nobody injected on purpose: a consumer gave up on a real event. */
        UNACCOUNTED_DEAD_LETTER,
        /** A poison record the chaos run injected never reached a dead-letter topic: it was applied or dropped. */
        MISSING_DEAD_LETTER,
        /** An order exists although every request for its key was refused (the client was told it did not happen). */
        PHANTOM_ORDER,
        /**
         * A platform process died in a way no fault planned: an exit status other than the fault's own,
         * a JVM crash log (hs_err), an OutOfMemoryError. Not an invariant of the data, but a platform
         * that crashes by itself is not healthy.
         */
        UNPLANNED_PROCESS_DEATH
    }

    @Override
    public String toString() {
        return kind + " " + orderIds + ": " + evidence;
    }
}
