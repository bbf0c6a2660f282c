package dev.orderflow.inventory.persistence;

import dev.orderflow.inventory.domain.StockItem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class StockRepository implements PanacheRepositoryBase<StockItem, String> {

    /**
     * Row-locks the SKUs ({@code SELECT ... ORDER BY sku FOR UPDATE}) until the transaction ends.
     * PostgreSQL locks them in SKU order, and every use case locks in that order, so two orders
     * sharing SKUs wait for each other instead of deadlocking. Unknown SKUs are simply absent.
     */
    public List<StockItem> lockInSkuOrder(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return find("sku in ?1 order by sku", skus).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Optional<StockItem> lock(String sku) {
        return Optional.ofNullable(findById(sku, LockModeType.PESSIMISTIC_WRITE));
    }
}
