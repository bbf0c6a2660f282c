package dev.orderflow.order.rest;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.service.OrderService;
import dev.orderflow.order.service.StuckSagaMonitor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final OrderService orders;
    private final StuckSagaMonitor stuckSagas;

    OrderResource(OrderService orders, StuckSagaMonitor stuckSagas) {
        this.orders = orders;
        this.stuckSagas = stuckSagas;
    }

    /**
     * Places an order. With an {@code Idempotency-Key}, a repeat of the same request returns the
     * same order (201 again, header {@code Idempotent-Replayed: true}); the key with another body is refused (422).
     */
    @POST
    public Response place(@jakarta.validation.constraints.NotNull @Valid PlaceOrderRequest request,
            @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 255) String idempotencyKey,
            @Context UriInfo uri) {
        var placement = orders.placeOrder(request.toCommand(), Optional.ofNullable(idempotencyKey));
        var response = Response.created(uri.getAbsolutePathBuilder().path(placement.order().id.toString()).build())
                .entity(OrderView.of(placement.order()));
        if (placement.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @Path("/{orderId}")
    public OrderView get(@PathParam("orderId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String orderId) {
        return OrderView.of(orders.find(UUID.fromString(orderId)));
    }

    /** Pages through orders in placement order, optionally of one status. */
    @GET
    public OrderView.Page list(
            @QueryParam("status") @Pattern(regexp = "PLACED|RESERVED|PAID|SHIPPED|REJECTED|CANCELLED",
                    message = "must be one of PLACED, RESERVED, PAID, SHIPPED, REJECTED, CANCELLED") String status,
            // a String, so "many" is a 400 problem like any invalid value (JAX-RS answers 404 to an unconvertible int)
            @QueryParam("limit") @DefaultValue("50")
                    @Pattern(regexp = "[1-9][0-9]?|[1-4][0-9]{2}|500", message = "must be a number from 1 to 500") String limitParam,
            @QueryParam("after") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String after) {
        int limit = Integer.parseInt(limitParam);
        List<Order> page = orders.list(status == null ? null : OrderStatus.valueOf(status),
                after == null ? null : UUID.fromString(after), limit);
        String next = page.size() == limit ? page.get(page.size() - 1).id.toString() : null;
        return new OrderView.Page(page.stream().map(OrderView.Summary::of).toList(), next);
    }

    /** Orders the saga left behind: not terminal {@code order.stuck-after} after their last step, oldest first. */
    @GET
    @Path("/stuck")
    public OrderView.Stuck stuck(@QueryParam("limit") @DefaultValue("100")
            @Pattern(regexp = "[1-9][0-9]?|[1-4][0-9]{2}|500", message = "must be a number from 1 to 500") String limit) {
        return new OrderView.Stuck(stuckSagas.stuckAfter().toString(),
                stuckSagas.stuckOrders(Integer.parseInt(limit)).stream().map(OrderView.Summary::of).toList());
    }

    /**
     * Asks to cancel (202): the saga then ends the order CANCELLED, or SHIPPED when shipment won the
     * race — follow it with {@code GET /orders/{id}}. 409 once the order shipped or ended otherwise.
     * An optional {@code ?reason=} travels with the request.
     */
    @POST
    @Path("/{orderId}/cancel")
    @Consumes(MediaType.WILDCARD) // no body: a bare POST cancels, whatever content type the client sends
    public Response cancel(@PathParam("orderId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String orderId,
            @QueryParam("reason") @Size(max = 500) String reason) {
        return Response.accepted(OrderView.of(orders.requestCancellation(UUID.fromString(orderId), reason))).build();
    }
}
