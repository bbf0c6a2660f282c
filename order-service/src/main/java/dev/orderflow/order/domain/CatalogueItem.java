package dev.orderflow.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A product the order service prices from: clients never send prices. Seeded by migration. */
@Entity
@Table(name = "catalogue_item")
public class CatalogueItem {
    @Id
    public String sku;

    @Column(nullable = false)
    public String name;

    @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
    public BigDecimal unitPrice;

    @Column(nullable = false, length = 3)
    public String currency;
}
