package dev.orderflow.sandbox.bench;

import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.workload.SagaWorkload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Happy-path orders (all four services and the provider take part) placed through the public API
 * and followed to their terminal state. Latency runs from the moment the client meant to place the
 * order to order-service's terminal transition.
 */
final class SagaLoad {
    /** An order not terminal after this long counts as not terminal (and frees its client). */
    static final Duration ORDER_TIMEOUT = Duration.ofSeconds(60);

    private final OrderflowClient client;
    private final TerminalWatcher watcher;
    private final String tag;
    private final AtomicInteger sequence = new AtomicInteger();

    SagaLoad(OrderflowClient client, TerminalWatcher watcher, String tag) {
        this.client = client;
        this.watcher = watcher;
        this.tag = tag;
    }

    /** What happened to one order. */
    record Outcome(UUID orderId, Instant intended, TerminalWatcher.Terminal terminal, String error) {
        boolean terminated() {
            return terminal != null;
        }

        Duration latency() {
            return Duration.between(intended, terminal.at());
        }
    }

    /** Every SKU a happy order uses, restocked to the API's maximum so no order is rejected for stock. */
    void restock() {
        for (String sku : SagaWorkload.stockedSkus()) {
            OrderflowClient.Reply reply = client.restock(sku, 1_000_000);
            if (!reply.ok()) {
                throw new IllegalStateException("restock of " + sku + " answered " + reply.status() + ": " + reply.body());
            }
        }
    }

    /**
     * One order through the whole saga, however long it takes (up to {@code timeout}): after a start
     * the services are ready before their consumers joined their groups.
     */
    void awaitFirstOrder(Duration timeout) {
        Outcome first = placeAndFollow(Instant.now(), timeout);
        if (!first.terminated()) {
            throw new IllegalStateException("the first order did not reach a terminal state: " + first.error());
        }
    }

    /** Places one order and waits for its terminal state (at most {@link #ORDER_TIMEOUT}). */
    Outcome placeAndFollow(Instant intended) {
        return placeAndFollow(intended, ORDER_TIMEOUT);
    }

    private Outcome placeAndFollow(Instant intended, Duration timeout) {
        int n = sequence.incrementAndGet();
        Random random = new Random(n);
        String body = SagaWorkload.happyOrderBody("bench-" + tag + "-" + n, random);
        OrderflowClient.Reply reply;
        try {
            reply = client.placeOrder(body, "bench-" + tag + "-" + n);
        } catch (RuntimeException e) {
            return new Outcome(null, intended, null, e.getMessage());
        }
        if (!reply.ok()) {
            return new Outcome(null, intended, null, "POST /orders answered " + reply.status());
        }
        UUID orderId = UUID.fromString(reply.body().path("orderId").asText());
        try {
            return new Outcome(orderId, intended, watcher.await(orderId).get(timeout.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            watcher.forget(orderId);
            return new Outcome(orderId, intended, null, "not terminal after " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(orderId, intended, null, "interrupted");
        } catch (Exception e) {
            return new Outcome(orderId, intended, null, e.toString());
        }
    }

    /**
     * {@code clients} clients, each placing its next order as soon as the previous one is terminal,
     * for {@code duration}. Throughput counts orders that became terminal after the warm-up, until the end.
     */
    BenchReport.ClosedLoop closedLoop(int clients, Duration duration, Duration warmUp, Consumer<String> progress) {
        Instant begin = Instant.now();
        Instant measureFrom = begin.plus(warmUp);
        Instant end = begin.plus(duration);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                pool.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        Outcome outcome = placeAndFollow(Instant.now());
                        outcomes.add(outcome);
                        done.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                long elapsed = Duration.between(begin, Instant.now()).toSeconds();
                progress.accept(String.format(Locale.ROOT, "%3d s / %d s  %d orders terminal", elapsed, duration.toSeconds(), done.get()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Outcome> all = List.copyOf(outcomes);
        long inWindow = all.stream().filter(Outcome::terminated)
                .filter(o -> !o.terminal().at().isBefore(measureFrom) && !o.terminal().at().isAfter(end)).count();
        double seconds = Duration.between(measureFrom, end).toMillis() / 1000.0;
        List<Duration> latencies = all.stream().filter(Outcome::terminated).map(Outcome::latency).toList();
        return new BenchReport.ClosedLoop(clients, seconds, inWindow, latencies.size(),
                all.stream().filter(o -> !o.terminated()).count(), inWindow / seconds, LatencySummary.of(latencies));
    }

    /** Orders placed at {@code rate} per second for {@code duration}, whatever the answers; then waits for the last ones. */
    OpenLoopRun openLoop(double rate, Duration duration, Consumer<String> progress) {
        long periodNanos = (long) (1e9 / rate);
        long count = (long) (rate * duration.toMillis() / 1000.0);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Instant beginWall = Instant.now();
        long begin = System.nanoTime();
        try (ExecutorService orders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = begin + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Instant intended = beginWall.plusNanos(i * periodNanos);
                orders.submit(() -> outcomes.add(placeAndFollow(intended)));
                if (i % Math.max(1, (long) rate) == 0) {
                    progress.accept(String.format(Locale.ROOT, "%3d s / %d s  %d placed, %d terminal", (System.nanoTime() - begin) / 1_000_000_000,
                            duration.toSeconds(), i, outcomes.size()));
                }
            }
            progress.accept("waiting for the last orders to reach a terminal state");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Outcome> all = List.copyOf(outcomes);
        List<Duration> latencies = all.stream().filter(Outcome::terminated).map(Outcome::latency).toList();
        long completed = latencies.size();
        BenchReport.OpenLoop result = new BenchReport.OpenLoop(rate, count, completed, count - completed, LatencySummary.of(latencies));
        return new OpenLoopRun(result, all.stream().filter(Outcome::terminated).map(Outcome::orderId).toList());
    }

    record OpenLoopRun(BenchReport.OpenLoop result, List<UUID> orderIds) {}
}
