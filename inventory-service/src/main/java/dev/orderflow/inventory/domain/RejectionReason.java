package dev.orderflow.inventory.domain;

/** Why an order got no stock at all. */
public enum RejectionReason {
    /** Every SKU exists, at least one has fewer units available than requested. */
    OUT_OF_STOCK,
    /** At least one SKU is not in the catalogue. */
    UNKNOWN_SKU
}
