package dev.orderflow.order.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The order aggregate. Its status changes only through {@link #moveTo}, which enforces the transition table. */
@Entity
@Table(name = "customer_order")
public class Order {
    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(name = "total_amount", nullable = false, precision = 12, scale = 2)
    public BigDecimal totalAmount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Embedded
    public ShippingAddress shippingAddress;

    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<OrderTransition> history = new ArrayList<>();

    /** When the customer asked to cancel; the saga then ends CANCELLED or SHIPPED (the cancel lost). */
    @Column(name = "cancel_requested_at")
    public Instant cancelRequestedAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    protected Order() {}

    public static Order place(UUID id, String customerId, ShippingAddress address, String currency, Instant now) {
        Order order = new Order();
        order.id = id;
        order.customerId = customerId;
        order.shippingAddress = address;
        order.currency = currency;
        order.status = OrderStatus.PLACED;
        order.placedAt = now;
        order.updatedAt = now;
        order.totalAmount = BigDecimal.ZERO.setScale(2);
        return order;
    }

    public void addLine(String sku, int quantity, BigDecimal unitPrice) {
        OrderLine line = new OrderLine(this, sku, quantity, unitPrice);
        lines.add(line);
        totalAmount = totalAmount.add(line.lineTotal());
    }

    /** The first step of the history: the order's own {@code OrderPlaced}. */
    public void recordPlaced(OrderTransition.Cause cause) {
        history.add(new OrderTransition(this, null, OrderStatus.PLACED, cause, placedAt));
    }

    /** Refuses transitions the table does not allow: an invalid transition is never a silent overwrite. */
    public void moveTo(OrderStatus target, OrderTransition.Cause cause, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition(id, status, target);
        }
        history.add(new OrderTransition(this, status, target, cause, now));
        status = target;
        updatedAt = now;
    }

    /**
     * Records the customer's wish to cancel. Refused once nothing is left to cancel; a repeated
     * request changes nothing and returns false (no second event).
     */
    public boolean requestCancellation(String reason, Instant now) {
        if (status.isTerminal()) {
            throw new CancellationRefused(id, status);
        }
        if (cancelRequestedAt != null) {
            return false;
        }
        cancelRequestedAt = now;
        cancelReason = reason;
        updatedAt = now;
        return true;
    }
}
