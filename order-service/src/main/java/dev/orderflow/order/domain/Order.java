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

    @Version
    public long version;

    protected Order() {}

    public static Order place(String customerId, ShippingAddress address, String currency, Instant now) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.customerId = customerId;
        order.shippingAddress = address;
        order.currency = currency;
        order.status = OrderStatus.PLACED;
        order.placedAt = now;
        order.totalAmount = BigDecimal.ZERO.setScale(2);
        return order;
    }

    public void addLine(String sku, int quantity, BigDecimal unitPrice) {
        OrderLine line = new OrderLine(this, sku, quantity, unitPrice);
        lines.add(line);
        totalAmount = totalAmount.add(line.lineTotal());
    }

    /** Refuses transitions the table does not allow: an invalid transition is never a silent overwrite. */
    public void moveTo(OrderStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition(id, status, target);
        }
        status = target;
    }
}
