package dev.orderflow.shipping.domain;

import java.util.UUID;

/** shipping-service has not seen the order's {@code OrderPlaced}. */
public class ShippingOrderNotFound extends RuntimeException {
    public ShippingOrderNotFound(UUID orderId) {
        super("no order " + orderId + " known to shipping");
    }
}
