package dev.orderflow.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A quantity of one SKU held (or requested) by a reservation. */
@Embeddable
public class ReservationLine {
    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public int quantity;

    protected ReservationLine() {}

    public ReservationLine(String sku, int quantity) {
        this.sku = sku;
        this.quantity = quantity;
    }
}
