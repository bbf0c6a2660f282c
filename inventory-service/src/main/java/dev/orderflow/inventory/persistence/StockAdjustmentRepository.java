package dev.orderflow.inventory.persistence;

import dev.orderflow.inventory.domain.StockAdjustment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StockAdjustmentRepository implements PanacheRepositoryBase<StockAdjustment, Long> {}
