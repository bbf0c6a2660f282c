package dev.orderflow.sandbox.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.workload.SagaWorkload;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Reads a {@link Snapshot} through the public APIs of the services and the payment provider's ledger. */
public final class SnapshotReader {
    /** The documented catalogue (README). */
    public static final List<String> CATALOGUE = List.of("KB-001", "MS-002", "MN-003", "HS-004", "CB-005", "LS-006");

    private static final java.util.regex.Pattern OUTBOX_PENDING =
            java.util.regex.Pattern.compile("(?m)^orderflow_outbox_pending(?:\\{[^}]*})?\\s+([0-9.Ee+-]+)");

    private final OrderflowClient client;
    private final EventReader events;

    public SnapshotReader(OrderflowClient client, EventReader events) {
        this.client = client;
        this.events = events;
    }

    public Map<String, Snapshot.Stock> stock() {
        Map<String, Snapshot.Stock> stock = new LinkedHashMap<>();
        for (String sku : CATALOGUE) {
            JsonNode body = require(client.stock(sku), "GET /inventory/" + sku);
            stock.put(sku, new Snapshot.Stock(body.path("available").asInt(), body.path("reserved").asInt(), body.path("shipped").asInt()));
        }
        return stock;
    }

    /**
     * Waits until every order is terminal or {@code timeout} passes; returns the ids still running
     * (empty when the platform is quiescent).
     */
    public List<String> awaitTerminal(List<String> orderIds, Duration timeout) throws InterruptedException {
        List<String> running = new ArrayList<>(orderIds);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Map<String, String> statuses = statuses();
            running.removeIf(id -> !statuses.containsKey(id) || InvariantChecker.TERMINAL.contains(statuses.get(id)));
            if (!running.isEmpty()) {
                Thread.sleep(500);
            }
        }
        return running;
    }

    /**
     * Every order's status, from {@code GET /orders} a page of 500 at a time. Polling through it
     * costs a few requests per round instead of one per order, which would take CPU from the saga
     * it waits for.
     */
    public Map<String, String> statuses() {
        Map<String, String> statuses = new HashMap<>();
        eachOrder(500, item -> statuses.put(item.path("orderId").asText(), item.path("status").asText()));
        return statuses;
    }

    /** The final state of the orders the workload was told about. */
    public Snapshot read(List<SagaWorkload.PlacedOrder> placed, Map<String, Snapshot.Stock> stockBefore,
            Map<String, Integer> restocked) {
        Map<String, List<String>> acknowledged = new LinkedHashMap<>();
        placed.forEach(p -> acknowledged.put(p.plan().idempotencyKey(), p.orderIds()));
        return read(acknowledged, List.of(), stockBefore, restocked);
    }

    /**
     * The final state of the acknowledged orders and of {@code moreOrderIds} (e.g. orders whose
     * creation the client could not confirm).
     */
    public Snapshot read(Map<String, List<String>> acknowledged, java.util.Collection<String> moreOrderIds,
            Map<String, Snapshot.Stock> stockBefore, Map<String, Integer> restocked) {
        java.util.Set<String> orderIds = new java.util.LinkedHashSet<>();
        acknowledged.values().forEach(orderIds::addAll);
        orderIds.addAll(moreOrderIds);

        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            Map<String, Snapshot.Order> orders = new HashMap<>();
            Map<String, Integer> shipments = new HashMap<>();
            List<CompletableFuture<Void>> reads = orderIds.stream().map(id -> CompletableFuture.runAsync(() -> {
                OrderflowClient.Reply order = client.order(id);
                int shipmentCount = shipmentsOf(id);
                synchronized (orders) {
                    if (order.status() == 200) {
                        orders.put(id, order(order.body()));
                    }
                    shipments.put(id, shipmentCount);
                }
            }, readers)).toList();
            reads.forEach(CompletableFuture::join);
            return new Snapshot(acknowledged, orders, stockBefore, stock(), restocked, charges(), shipments,
                    unpublishedEvents(), deadLetters());
        } finally {
            readers.shutdownNow();
        }
    }

    /** Every order order-service knows: order id → customer id, paged through {@code GET /orders}. */
    public Map<String, String> allOrders() {
        Map<String, String> customers = new LinkedHashMap<>();
        eachOrder(200, item -> customers.put(item.path("orderId").asText(), item.path("customerId").asText()));
        return customers;
    }

    /** Pages through {@code GET /orders} in placement order (a page never repeats or skips an order). */
    private void eachOrder(int pageSize, Consumer<JsonNode> item) {
        String after = null;
        do {
            JsonNode page = require(client.orders(after, pageSize), "GET /orders");
            page.path("items").forEach(item);
            after = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (after != null);
    }

    private static Snapshot.Order order(JsonNode body) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        body.path("lines").forEach(line -> quantities.merge(line.path("sku").asText(), line.path("quantity").asInt(), Integer::sum));
        List<String> history = new ArrayList<>();
        body.path("history").forEach(step -> history.add(step.path("to").asText()));
        String status = body.path("status").asText();
        JsonNode steps = body.path("history");
        java.time.Instant endedAt = InvariantChecker.TERMINAL.contains(status) && !steps.isEmpty()
                ? instant(steps.get(steps.size() - 1).path("at")) : null;
        return new Snapshot.Order(body.path("orderId").asText(), status,
                new BigDecimal(body.path("total").asText()), quantities, history, instant(body.path("placedAt")), endedAt);
    }

    private static java.time.Instant instant(JsonNode value) {
        return value.isTextual() ? java.time.Instant.parse(value.asText()) : null;
    }

    private int shipmentsOf(String orderId) {
        OrderflowClient.Reply reply = client.shipments(orderId);
        if (reply.status() == 404) {
            return 0;
        }
        // shipping keeps at most one shipment per order (unique key); the API shows it or null
        return require(reply, "GET /shipments?orderId=" + orderId).path("shipment").isObject() ? 1 : 0;
    }

    /**
     * Outbox rows each service has not published yet, from its relay's gauge. The gauge is
     * refreshed after every relay round, so a few seconds of waiting lets a quiet platform reach 0.
     */
    private Map<String, Long> unpublishedEvents() {
        Map<String, Long> pending = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String service : client.endpoints().services().keySet()) {
            long rows;
            do {
                var match = OUTBOX_PENDING.matcher(client.metrics(service));
                rows = match.find() ? (long) Double.parseDouble(match.group(1)) : 0;
                if (rows > 0) {
                    sleep(Duration.ofSeconds(1));
                }
            } while (rows > 0 && System.nanoTime() < deadline);
            pending.put(service, rows);
        }
        return pending;
    }

    /** Every record on the dead-letter topics. */
    private List<Snapshot.DeadLetter> deadLetters() {
        List<String> topics = dev.orderflow.events.Topics.ALL.stream().map(dev.orderflow.events.Topics::deadLetterTopicOf).toList();
        return events.readUntilQuiet(topics, null, Duration.ofSeconds(3), Duration.ofSeconds(10)).stream()
                .map(letter -> new Snapshot.DeadLetter(letter.topic(), letter.header("ce_id"), letter.header("ce_subject"), letter.header("ce_type"),
                        letter.header("dead-letter-reason")))
                .toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The provider's ledger as charges with what was refunded of each. */
    private List<Snapshot.Charge> charges() {
        JsonNode ledger = require(client.ledger(), "GET /v1/ledger");
        Map<String, BigDecimal> refunded = new HashMap<>();
        ledger.path("refunds").forEach(refund -> refunded.merge(refund.path("chargeId").asText(),
                new BigDecimal(refund.path("amount").asText()), BigDecimal::add));
        List<Snapshot.Charge> charges = new ArrayList<>();
        ledger.path("charges").forEach(charge -> charges.add(new Snapshot.Charge(charge.path("chargeId").asText(),
                charge.path("idempotencyKey").asText(), charge.path("reference").asText(),
                new BigDecimal(charge.path("amount").asText()), "captured".equals(charge.path("status").asText()),
                refunded.getOrDefault(charge.path("chargeId").asText(), BigDecimal.ZERO))));
        return charges;
    }

    private static JsonNode require(OrderflowClient.Reply reply, String what) {
        if (reply.status() != 200) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }
}
