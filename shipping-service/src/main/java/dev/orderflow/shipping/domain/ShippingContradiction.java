package dev.orderflow.shipping.domain;

/** A fact that contradicts what shipping-service already holds for the order; it needs an operator, not a retry. */
public class ShippingContradiction extends RuntimeException {
    public ShippingContradiction(String message) {
        super(message);
    }
}
