package dev.orderflow.order.rest;

import dev.orderflow.order.service.OrderService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {
    private final OrderService orders;

    OrderResource(OrderService orders) {
        this.orders = orders;
    }

    @POST
    public Response place(@NotNull @Valid PlaceOrderRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        var order = orders.placeOrder(request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(order.id.toString()).build())
                .entity(OrderView.of(order))
                .build();
    }

    @GET
    @Path("/{orderId}")
    public OrderView get(@PathParam("orderId") UUID orderId) {
        return OrderView.of(orders.find(orderId));
    }
}
