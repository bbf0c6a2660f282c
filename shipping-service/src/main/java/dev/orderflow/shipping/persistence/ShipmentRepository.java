package dev.orderflow.shipping.persistence;

import dev.orderflow.shipping.domain.Shipment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    /** The order's shipment; at most one (unique order id). */
    public Optional<Shipment> findByOrder(UUID orderId) {
        return find("orderId", orderId).firstResultOptional();
    }
}
