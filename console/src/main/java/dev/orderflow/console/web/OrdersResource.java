package dev.orderflow.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.console.config.ConsoleConfig;
import dev.orderflow.console.events.EventLog;
import dev.orderflow.console.platform.PlatformClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Page 1, the orders (live list, place, cancel), and page 2, one order's saga. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OrdersResource {
    static final List<String> STATUSES = List.of("PLACED", "RESERVED", "PAID", "SHIPPED", "REJECTED", "CANCELLED");
    private static final int SHOWN = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PlatformClient platform;
    private final EventLog events;
    private final ConsoleConfig config;
    private final ObjectMapper json;
    private final Template orders;
    private final Template orderRows;
    private final Template saga;
    private final Template sagaPanel;
    private final Template notice;

    OrdersResource(PlatformClient platform, EventLog events, ConsoleConfig config, ObjectMapper json,
            @Location("orders.html") Template orders, @Location("order-rows.html") Template orderRows,
            @Location("saga.html") Template saga, @Location("saga-panel.html") Template sagaPanel,
            @Location("notice.html") Template notice) {
        this.platform = platform;
        this.events = events;
        this.config = config;
        this.json = json;
        this.orders = orders;
        this.orderRows = orderRows;
        this.saga = saga;
        this.sagaPanel = sagaPanel;
        this.notice = notice;
    }

    public record Row(String orderId, String shortId, String customer, String status, String total, String placedAt,
            String updatedAt, boolean cancellable) {}

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/orders")).build();
    }

    @GET
    @Path("orders")
    public TemplateInstance orders(@QueryParam("status") String status) {
        String filter = validStatus(status);
        return orders.data("page", "orders").data("status", filter).data("statuses", STATUSES)
                .data("rows", rows(filter)).data("presets", OrderForm.PRESETS).data("catalogue", OrderForm.CATALOGUE);
    }

    @GET
    @Path("orders/rows")
    public TemplateInstance rowsFragment(@QueryParam("status") String status) {
        return orderRows.data("rows", rows(validStatus(status)));
    }

    @POST
    @Path("orders")
    public TemplateInstance place(@FormParam("customer") String customer, @FormParam("sku") String sku,
            @FormParam("quantity") String quantity) {
        int count;
        try {
            count = Integer.parseInt(quantity == null ? "" : quantity.trim());
        } catch (NumberFormatException e) {
            return notice.data("kind", "error").data("text", "Quantity must be a whole number.").data("link", null);
        }
        PlatformClient.Reply reply = platform.placeOrder(OrderForm.body(json, blankToEmpty(customer), blankToEmpty(sku), count));
        if (reply.status() != 201) {
            JsonNode problem = platform.parse(reply.body());
            String detail = problem == null ? reply.body() : problem.path("detail").asText(problem.path("title").asText(reply.body()));
            return notice.data("kind", "error").data("text", "order-service refused the order (HTTP " + reply.status() + "): " + detail)
                    .data("link", null);
        }
        JsonNode placed = platform.parse(reply.body());
        String orderId = placed.path("orderId").asText();
        return notice.data("kind", "ok").data("text", "Placed order " + orderId.substring(0, 8) + " ("
                        + placed.path("total").asText() + " " + placed.path("currency").asText() + "). Follow its saga:")
                .data("link", "/orders/" + orderId).data("cancel", orderId);
    }

    @POST
    @Path("orders/{orderId}/cancel")
    public TemplateInstance cancel(@PathParam("orderId") String orderId) {
        UUID id = uuid(orderId);
        PlatformClient.Reply reply = platform.cancelOrder(id);
        String text = switch (reply.status()) {
            case 202 -> "Cancellation asked for order " + orderId.substring(0, 8) + ": shipping-service settles the race.";
            case 409 -> "order-service refused the cancellation (409): the order already ended.";
            default -> "order-service answered HTTP " + reply.status() + ": " + reply.body();
        };
        return notice.data("kind", reply.status() == 202 ? "ok" : "error").data("text", text).data("link", "/orders/" + orderId);
    }

    @GET
    @Path("orders/{orderId}")
    public Response saga(@PathParam("orderId") String orderId) {
        SagaView view = view(uuid(orderId));
        if (view == null) {
            return Response.status(404).entity(notFound(orderId)).build();
        }
        return Response.ok(saga.data("page", "orders").data("saga", view).data("lanes", SagaView.LANES)).build();
    }

    @GET
    @Path("orders/{orderId}/panel")
    public Response sagaPanel(@PathParam("orderId") String orderId) {
        SagaView view = view(uuid(orderId));
        if (view == null) {
            return Response.status(404).entity(notFound(orderId)).build();
        }
        return Response.ok(sagaPanel.data("saga", view).data("lanes", SagaView.LANES)).build();
    }

    private TemplateInstance notFound(String orderId) {
        return notice.data("kind", "error").data("text", "order-service has no order " + orderId
                + ". (Orders of a chaos run lived on that run's own platform, stopped when it ended: see its history.jsonl.)")
                .data("link", null);
    }

    private SagaView view(UUID orderId) {
        JsonNode order = platform.order(orderId);
        return order == null ? null : SagaView.of(order, events.eventsOf(orderId.toString()), config.traceUi());
    }

    private List<Row> rows(String status) {
        return platform.orders(status, SHOWN).stream().map(o -> new Row(o.path("orderId").asText(),
                o.path("orderId").asText().substring(0, 8), o.path("customerId").asText(), o.path("status").asText(),
                SagaView.money(o.path("total")) + " " + o.path("currency").asText(), time(o.path("placedAt").asText()),
                time(o.path("updatedAt").asText()), !Set.of("SHIPPED", "REJECTED", "CANCELLED").contains(o.path("status").asText())))
                .toList();
    }

    private static String time(String instant) {
        try {
            return TIME.format(Instant.parse(instant));
        } catch (RuntimeException e) {
            return instant;
        }
    }

    private static String validStatus(String status) {
        return status != null && STATUSES.contains(status) ? status : null;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }

    private static UUID uuid(String orderId) {
        try {
            return UUID.fromString(orderId);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException("not an order id: " + orderId);
        }
    }
}
