package dev.orderflow.inventory.service;

import dev.orderflow.inventory.domain.StockItem;
import dev.orderflow.inventory.domain.UnknownSku;
import dev.orderflow.inventory.persistence.StockRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Inventory use cases. */
@ApplicationScoped
public class InventoryService {
    private final StockRepository stock;

    InventoryService(StockRepository stock) {
        this.stock = stock;
    }

    @Transactional
    public StockItem stockOf(String sku) {
        StockItem item = stock.findById(sku);
        if (item == null) {
            throw new UnknownSku(sku);
        }
        return item;
    }
}
