package dev.orderflow.sandbox.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.sandbox.demo.OrderflowClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Orders across every saga path, placed concurrently through the public API. The plan is a pure
 * function of (orders, seed), so a run can be repeated exactly.
 */
public final class SagaWorkload {
    /** SKUs that stay in stock for a few thousand orders (README catalogue). */
    static final List<String> STOCKED = List.of("KB-001", "MS-002", "HS-004", "CB-005");
    /** 200 in stock: an order for more can never be reserved. */
    static final String SCARCE = "MN-003";
    static final int MORE_THAN_STOCKED = 201;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern CUSTOMER = java.util.regex.Pattern.compile("(?:c|decline)-(-?[0-9]+-[0-9]+)");

    /** One order to place: its path, request body, key, and when (ms after placing) to cancel it. */
    public record PlannedOrder(int index, OrderPath path, String idempotencyKey, String body, long cancelAfterMillis) {}

    /**
     * What the client saw: every order id a 2xx answer returned for the key (more than one would be
     * a duplicate order), and the cancel's status code (0 when not cancelled).
     */
    public record PlacedOrder(PlannedOrder plan, List<String> orderIds, List<Integer> placeStatuses, int cancelStatus,
            String error) {
        public String orderId() {
            return orderIds.isEmpty() ? null : orderIds.get(0);
        }
    }

    private SagaWorkload() {}

    /** 40% happy, 10% out of stock, 15% declined, 20% cancelled at a random moment, 15% duplicate POSTs. */
    public static List<PlannedOrder> plan(int orders, long seed) {
        Random random = new Random(seed);
        List<PlannedOrder> plan = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            int roll = random.nextInt(100);
            OrderPath path = roll < 40 ? OrderPath.HAPPY : roll < 50 ? OrderPath.OUT_OF_STOCK
                    : roll < 65 ? OrderPath.DECLINED : roll < 85 ? OrderPath.CANCELLED : OrderPath.DUPLICATE_POST;
            String customer = (path == OrderPath.DECLINED ? "decline-" : "c-") + seed + "-" + i;
            Map<String, Integer> lines = new LinkedHashMap<>();
            if (path == OrderPath.OUT_OF_STOCK) {
                lines.put(SCARCE, MORE_THAN_STOCKED);
            } else {
                List<String> skus = new ArrayList<>(STOCKED);
                Collections.shuffle(skus, random);
                int lineCount = 1 + random.nextInt(2);
                for (int l = 0; l < lineCount; l++) {
                    lines.put(skus.get(l), 1 + random.nextInt(2));
                }
            }
            long cancelAfter = path == OrderPath.CANCELLED ? random.nextInt(600) : -1;
            plan.add(new PlannedOrder(i, path, "wl-" + seed + "-" + i, body(customer, lines), cancelAfter));
        }
        return plan;
    }

    /** A request body for the happy path: one or two lines of stocked SKUs, a customer the provider accepts. */
    public static String happyOrderBody(String customer, Random random) {
        List<String> skus = new ArrayList<>(STOCKED);
        Collections.shuffle(skus, random);
        Map<String, Integer> lines = new LinkedHashMap<>();
        int lineCount = 1 + random.nextInt(2);
        for (int l = 0; l < lineCount; l++) {
            lines.put(skus.get(l), 1 + random.nextInt(2));
        }
        return body(customer, lines);
    }

    /** The SKUs a happy order draws from. */
    public static List<String> stockedSkus() {
        return STOCKED;
    }

    /** Places every planned order with {@code concurrency} clients at once; returns what each one saw. */
    public static List<PlacedOrder> run(List<PlannedOrder> plan, OrderflowClient client, int concurrency) {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        ExecutorService duplicates = Executors.newCachedThreadPool();
        try {
            List<CompletableFuture<PlacedOrder>> placed = plan.stream()
                    .map(order -> CompletableFuture.supplyAsync(() -> place(order, client, duplicates), clients))
                    .toList();
            return placed.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
            duplicates.shutdownNow();
            try {
                clients.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static PlacedOrder place(PlannedOrder order, OrderflowClient client, ExecutorService duplicates) {
        List<String> orderIds = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        try {
            int copies = order.path() == OrderPath.DUPLICATE_POST ? 3 : 1;
            List<CompletableFuture<OrderflowClient.Reply>> replies = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                replies.add(CompletableFuture.supplyAsync(() -> client.placeOrder(order.body(), order.idempotencyKey()), duplicates));
            }
            for (CompletableFuture<OrderflowClient.Reply> reply : replies) {
                OrderflowClient.Reply answer = reply.join();
                statuses.add(answer.status());
                if (answer.ok()) {
                    orderIds.add(answer.body().path("orderId").asText());
                }
            }
            int cancelStatus = 0;
            if (order.cancelAfterMillis() >= 0 && !orderIds.isEmpty()) {
                Thread.sleep(order.cancelAfterMillis());
                cancelStatus = client.cancelOrder(orderIds.get(0), "workload: cancel after " + order.cancelAfterMillis() + " ms").status();
            }
            return new PlacedOrder(order, orderIds, statuses, cancelStatus, null);
        } catch (RuntimeException e) {
            return new PlacedOrder(order, orderIds, statuses, 0, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PlacedOrder(order, orderIds, statuses, 0, "interrupted");
        }
    }

    /** The idempotency key a planned order's customer was created for ({@code c-7-12} → {@code wl-7-12}), if it is one. */
    public static java.util.Optional<String> keyOfCustomer(String customerId) {
        var match = CUSTOMER.matcher(customerId == null ? "" : customerId);
        return match.matches() ? java.util.Optional.of("wl-" + match.group(1)) : java.util.Optional.empty();
    }

    private static String body(String customer, Map<String, Integer> lines) {
        ObjectNode body = JSON.createObjectNode().put("customerId", customer);
        ArrayNode lineNodes = body.putArray("lines");
        lines.forEach((sku, quantity) -> lineNodes.addObject().put("sku", sku).put("quantity", quantity));
        body.putObject("shippingAddress").put("name", "Ada Lovelace").put("street", "1 Analytical Way")
                .put("city", "London").put("postalCode", "N1 7AA").put("country", "GB");
        return body.toString();
    }
}
