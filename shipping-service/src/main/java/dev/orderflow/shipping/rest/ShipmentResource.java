package dev.orderflow.shipping.rest;

import dev.orderflow.shipping.service.ShippingService;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {
    private final ShippingService shipping;

    ShipmentResource(ShippingService shipping) {
        this.shipping = shipping;
    }

    public record ShipmentView(String shipmentId, String orderId, String status, String city, String country,
            Instant scheduledAt) {}

    @GET
    public List<ShipmentView> byOrder(@QueryParam("orderId") @NotNull UUID orderId) {
        return shipping.shipmentsOf(orderId).stream()
                .map(s -> new ShipmentView(s.id.toString(), s.orderId.toString(), s.status, s.city, s.country, s.scheduledAt))
                .toList();
    }
}
