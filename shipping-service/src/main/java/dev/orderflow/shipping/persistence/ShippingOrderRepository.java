package dev.orderflow.shipping.persistence;

import dev.orderflow.shipping.domain.ShippingOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ShippingOrderRepository implements PanacheRepositoryBase<ShippingOrder, UUID> {

    /**
     * The order, row-locked ({@code SELECT ... FOR UPDATE}): a payment capture and a cancellation of
     * the same order arrive on different topics, concurrently, and must be decided one after the other.
     */
    public Optional<ShippingOrder> lock(UUID orderId) {
        return Optional.ofNullable(findById(orderId, LockModeType.PESSIMISTIC_WRITE));
    }
}
