package dev.orderflow.sandbox.workload;

/** The saga paths a workload drives, each to a known end (docs/saga.md). */
public enum OrderPath {
    /** Stocked SKUs, a customer the provider accepts: ends SHIPPED. */
    HAPPY,
    /** More monitors than exist: ends REJECTED, nothing charged. */
    OUT_OF_STOCK,
    /** A customer the provider declines ({@code decline-…}): ends CANCELLED, stock released. */
    DECLINED,
    /** Cancelled after a random delay: ends CANCELLED (refunded if captured) or SHIPPED with the cancel refused. */
    CANCELLED,
    /** The same request POSTed three times at once with one Idempotency-Key: one order, ends SHIPPED. */
    DUPLICATE_POST
}
