package dev.orderflow.inventory.rest;

import dev.orderflow.inventory.domain.StockItem;

/** What {@code GET /inventory/{sku}} and {@code PUT /inventory/{sku}} return. */
public record StockView(String sku, String name, int available, int reserved, int shipped) {

    static StockView of(StockItem item) {
        return new StockView(item.sku, item.name, item.available, item.reserved, item.shipped);
    }
}
