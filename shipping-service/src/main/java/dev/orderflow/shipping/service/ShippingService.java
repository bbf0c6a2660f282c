package dev.orderflow.shipping.service;

import dev.orderflow.shipping.domain.Shipment;
import dev.orderflow.shipping.persistence.ShipmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Shipping use cases. */
@ApplicationScoped
public class ShippingService {
    private final ShipmentRepository shipments;

    ShippingService(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @Transactional
    public List<Shipment> shipmentsOf(UUID orderId) {
        return shipments.findByOrder(orderId);
    }
}
