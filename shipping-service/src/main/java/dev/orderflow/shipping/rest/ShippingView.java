package dev.orderflow.shipping.rest;

import dev.orderflow.shipping.domain.ShipTo;
import dev.orderflow.shipping.domain.Shipment;
import dev.orderflow.shipping.service.ShippingService.ShippingState;
import java.time.Instant;

/**
 * What {@code GET /shipments?orderId=} returns: the order's shipping status and its shipment,
 * {@code null} unless scheduled (so "CANCELLED, no shipment" is visible as such).
 */
public record ShippingView(String orderId, String status, AddressView shipTo, String cancelReason, ShipmentView shipment) {

    public record ShipmentView(String shipmentId, String status, AddressView shipTo, Instant scheduledAt) {
        static ShipmentView of(Shipment shipment) {
            return new ShipmentView(shipment.id.toString(), shipment.status, AddressView.of(shipment.shipTo), shipment.scheduledAt);
        }
    }

    public record AddressView(String name, String street, String city, String postalCode, String country) {
        static AddressView of(ShipTo shipTo) {
            return new AddressView(shipTo.name, shipTo.street, shipTo.city, shipTo.postalCode, shipTo.country);
        }
    }

    static ShippingView of(ShippingState state) {
        var order = state.order();
        return new ShippingView(order.orderId.toString(), order.status.name(), AddressView.of(order.shipTo), order.cancelReason,
                state.shipment().map(ShipmentView::of).orElse(null));
    }
}
