package dev.orderflow.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ./orderflow demo}: four orders walk the saga — a happy one, one out of stock, one whose
 * payment is declined, one cancelled by the customer — each printed as a timeline of the events
 * the four services published for it, read back from Kafka.
 */
public final class SagaDemo {
    private static final Set<String> TERMINAL = Set.of("SHIPPED", "REJECTED", "CANCELLED");
    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> TOPICS = List.of(Topics.ORDERS, Topics.INVENTORY, Topics.PAYMENTS, Topics.SHIPPING);

    private final OrderflowClient client;
    private final EventReader events;
    private final PrintStream out;

    public SagaDemo(OrderflowClient client, EventReader events, PrintStream out) {
        this.client = client;
        this.events = events;
        this.out = out;
    }

    /** One story: the order's end state, its cancellation outcome (if cancelled) and the events in time order. */
    public record Story(String title, String orderId, String status, String cancellation, List<EventReader.ReceivedEvent> timeline) {}

    public List<Story> run() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                story("1. A happy order: 2 keyboards and a cable",
                        order("demo-" + suffix, "KB-001", 2, "CB-005", 1), false),
                story("2. Out of stock: 201 monitors (200 exist)",
                        order("demo-" + suffix, "MN-003", 201), false),
                story("3. Payment declined: the provider declines customers named decline-*",
                        order("decline-demo-" + suffix, "HS-004", 1), false),
                story("4. Cancelled by the customer right after placing it",
                        order("demo-" + suffix, "MS-002", 1), true));
    }

    private Story story(String title, String body, boolean cancel) {
        out.println();
        out.println(title);
        OrderflowClient.Reply placed = client.placeOrder(body, "demo-" + UUID.randomUUID());
        if (placed.status() != 201) {
            throw new IllegalStateException("order-service refused the demo order: HTTP " + placed.status() + " " + placed.body());
        }
        String orderId = placed.body().path("orderId").asText();
        out.printf("   POST /orders -> 201  order %s  total %s %s%n", orderId, placed.body().path("total").asText(),
                placed.body().path("currency").asText());
        if (cancel) {
            OrderflowClient.Reply cancelled = client.cancelOrder(orderId, "demo: changed my mind");
            out.printf("   POST /orders/%s/cancel -> %d%n", orderId, cancelled.status());
        }
        JsonNode order = awaitTerminal(orderId);
        List<EventReader.ReceivedEvent> timeline = events.readUntilQuiet(TOPICS, orderId, Duration.ofSeconds(2), Duration.ofSeconds(30))
                .stream().sorted(Comparator.comparing(SagaDemo::time)).toList();
        printTimeline(timeline);
        String cancellation = order.path("cancellation").path("outcome").asText(null);
        out.printf("   => %s%s%n", order.path("status").asText(),
                cancellation == null ? "" : "  (cancellation " + cancellation + ")");
        return new Story(title, orderId, order.path("status").asText(), cancellation, timeline);
    }

    private JsonNode awaitTerminal(String orderId) {
        long deadline = System.nanoTime() + SAGA_TIMEOUT.toNanos();
        while (true) {
            JsonNode order = client.order(orderId).body();
            if (TERMINAL.contains(order.path("status").asText())) {
                return order;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("order " + orderId + " is still " + order.path("status").asText() + " after "
                        + SAGA_TIMEOUT.toSeconds() + " s; see ./orderflow logs <service>");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void printTimeline(List<EventReader.ReceivedEvent> timeline) {
        if (timeline.isEmpty()) {
            return;
        }
        Instant start = time(timeline.get(0));
        for (EventReader.ReceivedEvent event : timeline) {
            String source = event.header(CloudEventHeaders.SOURCE);
            String type = event.header(CloudEventHeaders.TYPE);
            out.printf("   %+7d ms  %-18s %-28s seq %s  on %s%n", Duration.between(start, time(event)).toMillis(),
                    source == null ? "?" : source.substring(source.lastIndexOf('/') + 1),
                    type == null ? "?" : type.replaceFirst("^dev\\.orderflow\\.[a-z]+\\.", ""),
                    event.header(CloudEventHeaders.SEQUENCE), event.topic());
        }
    }

    /** When the producer committed the event (ce_time), falling back to the broker's timestamp. */
    private static Instant time(EventReader.ReceivedEvent event) {
        String time = event.header(CloudEventHeaders.TIME);
        return time == null ? event.timestamp() : Instant.parse(time);
    }

    /** @param lines sku, quantity, ... */
    private static String order(String customer, Object... lines) {
        StringBuilder json = new StringBuilder("{\"customerId\": \"" + customer + "\", \"lines\": [");
        for (int i = 0; i < lines.length; i += 2) {
            json.append(i == 0 ? "" : ", ").append("{\"sku\": \"").append(lines[i]).append("\", \"quantity\": ").append(lines[i + 1]).append('}');
        }
        return json.append("], \"shippingAddress\": {\"name\": \"Ada Lovelace\", \"street\": \"1 Analytical Way\", ")
                .append("\"city\": \"London\", \"postalCode\": \"N1 7AA\", \"country\": \"GB\"}}").toString();
    }
}
