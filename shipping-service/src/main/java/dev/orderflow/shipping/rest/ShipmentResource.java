package dev.orderflow.shipping.rest;

import dev.orderflow.shipping.service.ShippingService;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {
    /** A canonical UUID. Taken as text and validated here: JAX-RS would answer 404 to an unconvertible query parameter. */
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final ShippingService shipping;

    ShipmentResource(ShippingService shipping) {
        this.shipping = shipping;
    }

    @GET
    @Operation(summary = "Shipping state of one order",
            description = "AWAITING_PAYMENT (no shipment yet), SCHEDULED (with its one shipment) or CANCELLED "
                    + "(the cancellation won the race: no shipment, ever).")
    @APIResponse(responseCode = "200", description = "The order's shipping status and its shipment, if any")
    @APIResponse(responseCode = "400", description = "orderId missing or not a UUID (application/problem+json)")
    @APIResponse(responseCode = "404", description = "Shipping has not seen the order (application/problem+json)")
    public ShippingView byOrder(
            @QueryParam("orderId") @NotNull(message = "orderId is required")
                    @Pattern(regexp = UUID_PATTERN, message = "orderId must be a UUID") String orderId) {
        return ShippingView.of(shipping.stateOf(UUID.fromString(orderId)));
    }
}
