package dev.orderflow.inventory.rest;

import dev.orderflow.inventory.domain.UnknownSku;
import dev.orderflow.inventory.service.InventoryService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/inventory")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {
    private final InventoryService inventory;

    InventoryResource(InventoryService inventory) {
        this.inventory = inventory;
    }

    public record StockView(String sku, String name, int available, int reserved, int shipped) {}

    @GET
    @Path("/{sku}")
    public StockView stock(@PathParam("sku") String sku) {
        var item = inventory.stockOf(sku);
        return new StockView(item.sku, item.name, item.available, item.reserved, item.shipped);
    }

    @ServerExceptionMapper
    public Response unknownSku(UnknownSku e) {
        return Response.status(404).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Unknown SKU", "status", 404, "detail", e.getMessage()))
                .build();
    }
}
