package dev.orderflow.inventory.rest;

import dev.orderflow.inventory.service.InventoryService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InventoryResource {
    private final InventoryService inventory;

    InventoryResource(InventoryService inventory) {
        this.inventory = inventory;
    }

    @GET
    @Path("/{sku}")
    @Operation(summary = "Stock of one SKU",
            description = "available (can be reserved), reserved (held by orders in the saga), shipped (committed to shipments).")
    @APIResponse(responseCode = "200", description = "The SKU's stock")
    @APIResponse(responseCode = "404", description = "No such SKU (application/problem+json)")
    public StockView stock(@PathParam("sku") String sku) {
        return StockView.of(inventory.stockOf(sku));
    }

    @PUT
    @Path("/{sku}")
    @Operation(summary = "Restock: set the available quantity",
            description = "An idempotent set of a target, not an increment: {\"available\": N} makes N units available, "
                    + "whatever was available before, so a retried request changes nothing. Reserved and shipped "
                    + "units are not touched. Every change is recorded as a stock adjustment.")
    @APIResponse(responseCode = "200", description = "The SKU's stock after the set")
    @APIResponse(responseCode = "400", description = "Missing, negative or too large quantity, malformed JSON (application/problem+json)")
    @APIResponse(responseCode = "404", description = "No such SKU (application/problem+json)")
    public StockView restock(@PathParam("sku") String sku, @NotNull @Valid RestockRequest request) {
        return StockView.of(inventory.restock(sku, request.available()));
    }
}
