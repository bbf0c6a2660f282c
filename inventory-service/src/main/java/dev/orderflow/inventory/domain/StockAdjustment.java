package dev.orderflow.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A restock that changed a SKU's available quantity: the only change to its total stock. */
@Entity
@Table(name = "stock_adjustment")
public class StockAdjustment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String sku;

    @Column(name = "previous_available", nullable = false)
    public int previousAvailable;

    @Column(name = "new_available", nullable = false)
    public int newAvailable;

    @Column(name = "adjusted_at", nullable = false)
    public Instant adjustedAt;

    protected StockAdjustment() {}

    public StockAdjustment(String sku, int previousAvailable, int newAvailable, Instant adjustedAt) {
        this.sku = sku;
        this.previousAvailable = previousAvailable;
        this.newAvailable = newAvailable;
        this.adjustedAt = adjustedAt;
    }
}
