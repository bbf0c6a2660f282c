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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The saga workload paced over the fault schedule (order i is placed {@code i × duration / n}
 * after the start), every request recorded in the history as invoked and ok, fail or unknown.
 * Like a real client, it sends a request whose outcome is unknown again (same idempotency key,
 * same cancel), so a service that was down still gets the order once it is back.
 */
final class ChaosWorkload {
    static final String PLACE = "place";
    static final String CANCEL = "cancel";
    /** How long a client keeps resending a request whose outcome stays unknown. */
    static final long RETRY_FOR_MILLIS = 60_000;
    private static final long FIRST_BACKOFF_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 4_000;

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
            placed.add(CompletableFuture.supplyAsync(() -> untilKnown(() -> placeOnce(order)).orderId(), copies));
        }
        String orderId = placed.stream().map(CompletableFuture::join).filter(id -> id != null).findFirst().orElse(null);
        if (order.cancelAfterMillis() >= 0 && orderId != null) {
            try {
                Thread.sleep(order.cancelAfterMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            untilKnown(() -> cancelOnce(order, orderId));
        }
    }

    /** What one request ended as; the order id when a place was acknowledged. */
    private record Answer(Type outcome, String orderId) {}

    /** Sends again, with backoff, while the outcome is unknown and the retry budget lasts. */
    private Answer untilKnown(Supplier<Answer> request) {
        long giveUpAt = history.now() + RETRY_FOR_MILLIS;
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            Answer answer = request.get();
            if (answer.outcome() != Type.UNKNOWN || history.now() + backoff > giveUpAt) {
                return answer;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private Answer placeOnce(PlannedOrder order) {
        return once(PLACE, order.idempotencyKey(), null,
                () -> client.placeOrder(order.body(), order.idempotencyKey()),
                reply -> reply.ok() ? reply.body().path("orderId").asText() : null);
    }

    private Answer cancelOnce(PlannedOrder order, String orderId) {
        return once(CANCEL, order.idempotencyKey(), orderId,
                () -> client.cancelOrder(orderId, "chaos workload"), reply -> orderId);
    }

    /** Records the invoke, makes the call and records its outcome; no answer at all is UNKNOWN. */
    private Answer once(String op, String key, String orderId, Supplier<OrderflowClient.Reply> call,
            Function<OrderflowClient.Reply, String> orderIdOf) {
        String process = process();
        history.record(process, Type.INVOKE, op, key, orderId, null);
        try {
            OrderflowClient.Reply reply = call.get();
            Type outcome = outcome(reply.status());
            String answered = orderIdOf.apply(reply);
            history.record(process, outcome, op, key, answered, String.valueOf(reply.status()));
            return new Answer(outcome, answered);
        } catch (IllegalStateException e) {
            history.record(process, Type.UNKNOWN, op, key, orderId, e.getMessage());
            return new Answer(Type.UNKNOWN, orderId);
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
