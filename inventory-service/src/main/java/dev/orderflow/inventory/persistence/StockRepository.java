package dev.orderflow.inventory.persistence;

import dev.orderflow.inventory.domain.StockItem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StockRepository implements PanacheRepositoryBase<StockItem, String> {}
