package dev.orderflow.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Stock of one SKU. {@code available + reserved + shipped} is conserved: reserving, releasing and
 * shipping move units between the three; only {@link #restockTo} changes the total. None of them
 * can go negative (checked here, and by CHECK constraints in the database as the last line).
 * Callers hold the row lock (see {@code StockRepository.lockInSkuOrder}) while they change it.
 */
@Entity
@Table(name = "stock_item")
public class StockItem {
    @Id
    public String sku;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int available;

    @Column(nullable = false)
    public int reserved;

    @Column(nullable = false)
    public int shipped;

    @Version
    public long version;

    protected StockItem() {}

    public StockItem(String sku, String name, int available) {
        this.sku = sku;
        this.name = name;
        this.available = available;
    }

    public boolean canReserve(int quantity) {
        return quantity > 0 && available >= quantity;
    }

    /** available → reserved. */
    public void reserve(int quantity) {
        if (!canReserve(quantity)) {
            throw new IllegalStateException("cannot reserve " + quantity + " of " + sku + ": " + available + " available");
        }
        available -= quantity;
        reserved += quantity;
    }

    /** reserved → available (compensation). */
    public void release(int quantity) {
        requireReserved(quantity);
        reserved -= quantity;
        available += quantity;
    }

    /** reserved → shipped. */
    public void ship(int quantity) {
        requireReserved(quantity);
        reserved -= quantity;
        shipped += quantity;
    }

    /**
     * Sets the available quantity to a target (an idempotent set, not an increment): repeating it
     * changes nothing. Reserved and shipped units are not touched.
     *
     * @return whether the available quantity changed
     */
    public boolean restockTo(int targetAvailable) {
        if (targetAvailable < 0) {
            throw new IllegalArgumentException("available cannot be negative: " + targetAvailable);
        }
        boolean changed = available != targetAvailable;
        available = targetAvailable;
        return changed;
    }

    private void requireReserved(int quantity) {
        if (quantity <= 0 || reserved < quantity) {
            throw new IllegalStateException("cannot take " + quantity + " of " + sku + " out of reservation: " + reserved + " reserved");
        }
    }
}
