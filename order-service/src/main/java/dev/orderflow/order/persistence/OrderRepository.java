package dev.orderflow.order.persistence;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /** The order, row-locked: facts of one order arriving on different topics are applied one after the other. */
    public Optional<Order> lock(UUID orderId) {
        return Optional.ofNullable(findById(orderId, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * One page in placement order (keyset: stable while new orders arrive).
     *
     * @param status null for every status
     * @param after the last order of the previous page, null for the first page
     */
    public List<Order> page(OrderStatus status, Order after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            query.append(" and (placedAt > :placedAt or (placedAt = :placedAt and id > :id))");
            parameters.and("placedAt", after.placedAt).and("id", after.id);
        }
        return find(query + " order by placedAt, id", parameters).page(0, limit).list();
    }

    private static final List<OrderStatus> TERMINAL = List.of(OrderStatus.SHIPPED, OrderStatus.REJECTED, OrderStatus.CANCELLED);

    /** Orders not terminal whose last transition is older than {@code cutoff}, oldest first. */
    public List<Order> stuck(java.time.Instant cutoff, int limit) {
        return find("status not in ?1 and updatedAt < ?2 order by updatedAt, id", TERMINAL, cutoff).page(0, limit).list();
    }

    public long countStuck(java.time.Instant cutoff) {
        return count("status not in ?1 and updatedAt < ?2", TERMINAL, cutoff);
    }
}
