package dev.orderflow.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Stock of one SKU: available + reserved + shipped is conserved (changed only by restocking). */
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
}
