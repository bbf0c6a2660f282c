package dev.orderflow.order.domain;

import java.util.UUID;

/** The same Idempotency-Key came with a different request: replaying it would hide the difference. */
public class IdempotencyKeyReused extends RuntimeException {
    public final UUID orderId;

    public IdempotencyKeyReused(String key, UUID orderId) {
        super("Idempotency-Key '" + key + "' was already used for order " + orderId
                + " with a different request; use a new key for a new order");
        this.orderId = orderId;
    }
}
