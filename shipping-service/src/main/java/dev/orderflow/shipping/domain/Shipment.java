package dev.orderflow.shipping.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A scheduled shipment: exactly one per paid order (unique order id). */
@Entity
@Table(name = "shipment")
public class Shipment {
    public static final String SCHEDULED = "SCHEDULED";

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    public UUID orderId;

    @Column(nullable = false)
    public String status;

    @Embedded
    public ShipTo shipTo;

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;

    protected Shipment() {}

    /** The one shipment of {@code order}, to the address it was placed with. */
    public static Shipment scheduledFor(ShippingOrder order, Instant now) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = order.orderId;
        shipment.status = SCHEDULED;
        shipment.shipTo = order.shipTo.copy();
        shipment.scheduledAt = now;
        return shipment;
    }
}
