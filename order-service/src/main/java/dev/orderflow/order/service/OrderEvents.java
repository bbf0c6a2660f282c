package dev.orderflow.order.service;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.order.v1.Address;
import dev.orderflow.events.order.v1.Money;
import dev.orderflow.events.order.v1.OrderCancellationRequested;
import dev.orderflow.events.order.v1.OrderLine;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.order.domain.Order;

/** Maps the order aggregate to the facts it publishes. */
final class OrderEvents {
    static final String AGGREGATE_TYPE = "Order";

    private OrderEvents() {}

    static OutboxEvent orderPlaced(Order order) {
        OrderPlaced event = OrderPlaced.newBuilder()
                .setOrderId(order.id.toString())
                .setCustomerId(order.customerId)
                .setLines(order.lines.stream()
                        .map(line -> OrderLine.newBuilder()
                                .setSku(line.sku)
                                .setQuantity(line.quantity)
                                .setUnitPrice(line.unitPrice)
                                .build())
                        .toList())
                .setTotal(Money.newBuilder().setAmount(order.totalAmount).setCurrency(order.currency).build())
                .setShippingAddress(Address.newBuilder()
                        .setName(order.shippingAddress.name)
                        .setStreet(order.shippingAddress.street)
                        .setCity(order.shippingAddress.city)
                        .setPostalCode(order.shippingAddress.postalCode)
                        .setCountry(order.shippingAddress.country)
                        .build())
                .setPlacedAt(order.placedAt)
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, order.id.toString(), EventTypes.ORDER_PLACED_V1, Topics.ORDERS,
                AvroCodec.encode(event));
    }

    static OutboxEvent orderCancellationRequested(Order order) {
        OrderCancellationRequested event = OrderCancellationRequested.newBuilder()
                .setOrderId(order.id.toString())
                .setCustomerId(order.customerId)
                .setReason(order.cancelReason)
                .setRequestedAt(order.cancelRequestedAt)
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, order.id.toString(), EventTypes.ORDER_CANCELLATION_REQUESTED_V1,
                Topics.ORDERS, AvroCodec.encode(event));
    }
}
