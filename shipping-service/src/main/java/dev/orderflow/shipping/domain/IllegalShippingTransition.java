package dev.orderflow.shipping.domain;

import java.util.UUID;

/** A requested transition that {@link ShippingStatus#verdictFor} dead-letters. Nothing was changed. */
public class IllegalShippingTransition extends ShippingContradiction {
    public final ShippingStatus from;
    public final ShippingStatus to;

    public IllegalShippingTransition(UUID orderId, ShippingStatus from, ShippingStatus to) {
        super("shipping of order " + orderId + " cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }
}
