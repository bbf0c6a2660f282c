package dev.orderflow.inventory.service;

import dev.orderflow.inventory.domain.StockAdjustment;
import dev.orderflow.inventory.domain.StockItem;
import dev.orderflow.inventory.domain.UnknownSku;
import dev.orderflow.inventory.persistence.StockAdjustmentRepository;
import dev.orderflow.inventory.persistence.StockRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Stock use cases of the REST API. */
@ApplicationScoped
public class InventoryService {
    private final StockRepository stock;
    private final StockAdjustmentRepository adjustments;

    InventoryService(StockRepository stock, StockAdjustmentRepository adjustments) {
        this.stock = stock;
        this.adjustments = adjustments;
    }

    @Transactional
    public StockItem stockOf(String sku) {
        StockItem item = stock.findById(sku);
        if (item == null) {
            throw new UnknownSku(sku);
        }
        return item;
    }

    /**
     * Sets the SKU's available quantity to {@code available} (an idempotent set of a target: a
     * retried request changes nothing). Reserved and shipped units are untouched; a change is
     * recorded as a {@link StockAdjustment}.
     */
    @Transactional
    public StockItem restock(String sku, int available) {
        StockItem item = stock.lock(sku).orElseThrow(() -> new UnknownSku(sku));
        int previous = item.available;
        if (item.restockTo(available)) {
            adjustments.persist(new StockAdjustment(sku, previous, available, InventoryEvents.now()));
            // Written inside the transaction: a stopping service skips the commit-time flush, and
            // the adjustment must not commit without the new quantity.
            stock.flush();
        }
        return item;
    }
}
