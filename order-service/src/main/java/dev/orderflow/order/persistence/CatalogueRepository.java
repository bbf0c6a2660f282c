package dev.orderflow.order.persistence;

import dev.orderflow.order.domain.CatalogueItem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class CatalogueRepository implements PanacheRepositoryBase<CatalogueItem, String> {

    public List<CatalogueItem> findBySkus(Collection<String> skus) {
        return list("sku in ?1", skus);
    }
}
