package dev.orderflow.sandbox.demo;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.order.v1.OrderPlaced;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The demo's first walk through the platform: place an order over HTTP, then read its
 * {@code OrderPlaced} back from Kafka, published by the outbox relay with its CloudEvents headers.
 */
public final class SmokeScenario {
    private static final String ORDER = """
            {"customerId": "demo-customer",
             "lines": [{"sku": "KB-001", "quantity": 2}, {"sku": "CB-005", "quantity": 1}],
             "shippingAddress": {"name": "Ada Lovelace", "street": "1 Analytical Way", "city": "London",
                                 "postalCode": "N1 7AA", "country": "GB"}}""";

    private final OrderflowClient client;
    private final EventReader events;
    private final PrintStream out;

    public SmokeScenario(OrderflowClient client, EventReader events, PrintStream out) {
        this.client = client;
        this.events = events;
        this.out = out;
    }

    /** What happened: the order as the API returned it and the event as Kafka delivered it. */
    public record Outcome(String orderId, String status, EventReader.ReceivedEvent event, OrderPlaced payload) {}

    public Outcome run() {
        out.println();
        out.println("1. POST /orders  (2 x KB-001 keyboard, 1 x CB-005 cable; prices come from the server's catalogue)");
        OrderflowClient.Reply placed = client.placeOrder(ORDER, "demo-" + UUID.randomUUID());
        if (placed.status() != 201) {
            throw new IllegalStateException("order-service refused the demo order: HTTP " + placed.status() + " " + placed.body());
        }
        String orderId = placed.body().path("orderId").asText();
        out.printf("   <- 201 Created  order %s  status %s  total %s %s%n", orderId, placed.body().path("status").asText(),
                placed.body().path("total").asText(), placed.body().path("currency").asText());

        out.println("2. Read " + Topics.ORDERS + " for key " + orderId + "  (the outbox relay publishes committed rows)");
        List<EventReader.ReceivedEvent> received = events.read(List.of(Topics.ORDERS), orderId, 1, Duration.ofSeconds(60));
        if (received.isEmpty()) {
            throw new IllegalStateException("OrderPlaced for " + orderId + " did not reach " + Topics.ORDERS
                    + " within 60 s; see ./orderflow logs order-service");
        }
        EventReader.ReceivedEvent event = received.get(0);
        if (!EventTypes.ORDER_PLACED_V1.equals(event.header(CloudEventHeaders.TYPE))) {
            throw new IllegalStateException("expected " + EventTypes.ORDER_PLACED_V1 + " but read " + event.header(CloudEventHeaders.TYPE));
        }
        OrderPlaced payload = AvroCodec.decode(event.payload(), OrderPlaced.class);
        out.printf("   <- %s  partition %d  offset %d%n", event.header(CloudEventHeaders.TYPE), event.partition(), event.offset());
        for (String header : List.of(CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.TIME, CloudEventHeaders.SEQUENCE, CloudEventHeaders.CORRELATION_ID,
                CloudEventHeaders.CAUSATION_ID, CloudEventHeaders.CONTENT_TYPE)) {
            out.printf("      %-18s %s%n", header, event.header(header));
        }
        out.printf("      payload (Avro)     %s%n", payload);

        OrderflowClient.Reply current = client.order(orderId);
        String status = current.body().path("status").asText();
        out.println("3. GET /orders/" + orderId + "  -> status " + status);
        return new Outcome(orderId, status, event, payload);
    }
}
