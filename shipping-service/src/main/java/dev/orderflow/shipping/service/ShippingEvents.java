package dev.orderflow.shipping.service;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.shipping.v1.ShipmentCancelled;
import dev.orderflow.events.shipping.v1.ShipmentScheduled;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.shipping.domain.Shipment;
import dev.orderflow.shipping.domain.ShippingOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Maps shipping decisions to the facts shipping-service publishes on {@code shipping.events} (key = order id). */
final class ShippingEvents {
    /** The aggregate is shipping's record of the order; its id is the order id, the saga's key. */
    static final String AGGREGATE_TYPE = "Shipping";

    private ShippingEvents() {}

    static OutboxEvent shipmentScheduled(Shipment shipment) {
        var event = ShipmentScheduled.newBuilder()
                .setOrderId(shipment.orderId.toString())
                .setShipmentId(shipment.id.toString())
                .setScheduledAt(shipment.scheduledAt)
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, shipment.orderId.toString(), EventTypes.SHIPMENT_SCHEDULED_V1, Topics.SHIPPING,
                AvroCodec.encode(event));
    }

    static OutboxEvent shipmentCancelled(ShippingOrder order) {
        var event = ShipmentCancelled.newBuilder()
                .setOrderId(order.orderId.toString())
                .setReason(order.cancelReason)
                .setCancelledAt(order.updatedAt)
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, order.orderId.toString(), EventTypes.SHIPMENT_CANCELLED_V1, Topics.SHIPPING,
                AvroCodec.encode(event));
    }

    /** Event times are timestamp-millis: keep the stored time equal to the published one. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
