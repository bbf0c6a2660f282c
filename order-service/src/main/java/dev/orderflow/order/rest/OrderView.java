package dev.orderflow.order.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.order.domain.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What {@code GET /orders/{id}} returns: the status, how it got there, and the cancellation if one was asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(String orderId, String customerId, String status, BigDecimal total, String currency,
        Instant placedAt, Instant updatedAt, List<Line> lines, Cancellation cancellation, List<Step> history) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {}

    /** @param outcome PENDING while the saga decides, CANCELLED, REFUSED (the order shipped first) or REJECTED */
    public record Cancellation(Instant requestedAt, String reason, String outcome) {}

    /** One transition and the event that caused it. */
    public record Step(String from, String to, String eventId, String eventType, long sequence, Instant at) {}

    static OrderView of(Order order) {
        return new OrderView(order.id.toString(), order.customerId, order.status.name(), order.totalAmount, order.currency,
                order.placedAt, order.updatedAt,
                order.lines.stream().map(l -> new Line(l.sku, l.quantity, l.unitPrice)).toList(),
                cancellation(order),
                order.history.stream()
                        .map(t -> new Step(t.from == null ? null : t.from.name(), t.to.name(), t.eventId.toString(),
                                t.eventType, t.eventSequence, t.occurredAt))
                        .toList());
    }

    private static Cancellation cancellation(Order order) {
        if (order.cancelRequestedAt == null) {
            return null;
        }
        String outcome = switch (order.status) {
            case CANCELLED -> "CANCELLED";
            case SHIPPED -> "REFUSED";
            case REJECTED -> "REJECTED";
            default -> "PENDING";
        };
        return new Cancellation(order.cancelRequestedAt, order.cancelReason, outcome);
    }

    /** {@code GET /orders/stuck}: the threshold (ISO-8601 duration) and the orders past it. */
    public record Stuck(String stuckAfter, List<Summary> items) {}

    /** {@code GET /orders}: one page; {@code next} is the {@code after} of the following page, absent on the last. */
    public record Page(List<Summary> items, String next) {}

    public record Summary(String orderId, String customerId, String status, BigDecimal total, String currency,
            Instant placedAt, Instant updatedAt) {
        static Summary of(Order order) {
            return new Summary(order.id.toString(), order.customerId, order.status.name(), order.totalAmount,
                    order.currency, order.placedAt, order.updatedAt);
        }
    }
}
