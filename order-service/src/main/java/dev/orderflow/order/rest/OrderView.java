package dev.orderflow.order.rest;

import dev.orderflow.order.domain.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What {@code GET /orders/{id}} returns. */
public record OrderView(String orderId, String customerId, String status, BigDecimal total, String currency,
        Instant placedAt, List<Line> lines) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {}

    static OrderView of(Order order) {
        return new OrderView(order.id.toString(), order.customerId, order.status.name(), order.totalAmount, order.currency,
                order.placedAt, order.lines.stream().map(l -> new Line(l.sku, l.quantity, l.unitPrice)).toList());
    }
}
