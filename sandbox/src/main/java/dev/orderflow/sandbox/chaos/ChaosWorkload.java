package dev.orderflow.sandbox.chaos;

import dev.orderflow.sandbox.chaos.history.History;
import dev.orderflow.sandbox.chaos.history.HistoryEntry.Type;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.workload.OrderPath;
import dev.orderflow.sandbox.workload.SagaWorkload.PlannedOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The saga workload paced over the fault schedule (order i is placed {@code i × duration / n}
 * after the start), every request recorded in the history as invoked and ok, fail or unknown.
 */
final class ChaosWorkload {
    static final String PLACE = "place";
    static final String CANCEL = "cancel";

    private final OrderflowClient client;
    private final History history;
    private final int concurrency;

    ChaosWorkload(OrderflowClient client, History history, int concurrency) {
        this.client = client;
        this.history = history;
        this.concurrency = concurrency;
    }

    /** Places every order of the plan, paced over {@code durationMillis}; returns when all answered. */
    void run(List<PlannedOrder> plan, long durationMillis) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        ExecutorService copies = Executors.newCachedThreadPool();
        try {
            long start = history.now();
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (PlannedOrder order : plan) {
                long due = start + order.index() * durationMillis / Math.max(1, plan.size());
                long wait = due - history.now();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                running.add(CompletableFuture.runAsync(() -> place(order, copies), clients));
            }
            running.forEach(CompletableFuture::join);
        } finally {
            clients.shutdownNow();
            copies.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private void place(PlannedOrder order, ExecutorService copies) {
        int count = order.path() == OrderPath.DUPLICATE_POST ? 3 : 1;
        List<CompletableFuture<String>> placed = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            placed.add(CompletableFuture.supplyAsync(() -> placeOnce(order), copies));
        }
        String orderId = placed.stream().map(CompletableFuture::join).filter(id -> id != null).findFirst().orElse(null);
        if (order.cancelAfterMillis() >= 0 && orderId != null) {
            try {
                Thread.sleep(order.cancelAfterMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String process = process();
            history.record(process, Type.INVOKE, CANCEL, order.idempotencyKey(), orderId, null);
            try {
                OrderflowClient.Reply reply = client.cancelOrder(orderId, "chaos workload");
                history.record(process, outcome(reply.status()), CANCEL, order.idempotencyKey(), orderId, String.valueOf(reply.status()));
            } catch (IllegalStateException e) {
                history.record(process, Type.UNKNOWN, CANCEL, order.idempotencyKey(), orderId, e.getMessage());
            }
        }
    }

    /** One POST; the order id when it was acknowledged. */
    private String placeOnce(PlannedOrder order) {
        String process = process();
        history.record(process, Type.INVOKE, PLACE, order.idempotencyKey(), null, null);
        try {
            OrderflowClient.Reply reply = client.placeOrder(order.body(), order.idempotencyKey());
            String orderId = reply.ok() ? reply.body().path("orderId").asText() : null;
            history.record(process, outcome(reply.status()), PLACE, order.idempotencyKey(), orderId, String.valueOf(reply.status()));
            return orderId;
        } catch (IllegalStateException e) {
            history.record(process, Type.UNKNOWN, PLACE, order.idempotencyKey(), null, e.getMessage());
            return null;
        }
    }

    /** 2xx happened, 4xx did not; a 5xx may have committed before it failed. */
    static Type outcome(int status) {
        return status >= 200 && status < 300 ? Type.OK : status >= 400 && status < 500 ? Type.FAIL : Type.UNKNOWN;
    }

    private static String process() {
        return "client-" + Thread.currentThread().threadId();
    }
}
