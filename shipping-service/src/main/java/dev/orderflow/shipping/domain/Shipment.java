package dev.orderflow.shipping.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A scheduled shipment: exactly one per paid order (unique order id). */
@Entity
@Table(name = "shipment")
public class Shipment {
    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    public UUID orderId;

    @Column(nullable = false)
    public String status;

    @Column(name = "ship_to_name", nullable = false)
    public String shipToName;

    @Column(nullable = false)
    public String street;

    @Column(nullable = false)
    public String city;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(nullable = false, length = 2)
    public String country;

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;
}
