package dev.orderflow.inventory.domain;

/** Why a reservation was released (compensation). */
public enum ReleaseReason {
    PAYMENT_FAILED,
    ORDER_CANCELLED
}
