package dev.orderflow.shipping.persistence;

import dev.orderflow.shipping.domain.Shipment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    public List<Shipment> findByOrder(UUID orderId) {
        return list("orderId", orderId);
    }
}
