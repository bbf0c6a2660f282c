package dev.orderflow.sandbox.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.sandbox.chaos.fault.Fault;
import dev.orderflow.sandbox.chaos.fault.FaultType;
import dev.orderflow.sandbox.demo.OrderflowClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code idempotency-key}: the payment provider takes the money and then does not answer in time
 * (the chaos fault {@code provider-charge-timeout}), so payment-service cannot know whether it
 * captured and retries. With a new key per attempt the retry is a second charge; with the key
 * derived from the order the provider answers the retry with the first charge.
 */
final class IdempotencyKeyLab implements Lab {
    static final String SERVICE = "payment-service";
    static final String NO_IDEMPOTENCY_KEYS = "orderflow.messaging.naive.no-idempotency-keys";
    static final int ORDERS = 3;
    /**
     * The provider read timeout in both halves: a timed-out charge costs this much before the retry
     * (the service's default is 5 s; the test profile's 2 s), so the lab takes less time, not another path.
     */
    static final String READ_TIMEOUT = "payment.provider.read-timeout";
    static final String LAB_READ_TIMEOUT = "2s";
    private static final Duration SAGA_BOUND = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "idempotency-key";
    }

    @Override
    public String summary() {
        return "the payment provider charges, then times out; payment-service retries";
    }

    @Override
    public LabResult run(LabBench bench, long seed) throws InterruptedException {
        bench.step("%s restarts with idempotency keys OFF (a new key per attempt), provider read timeout %s", SERVICE,
                LAB_READ_TIMEOUT);
        bench.platform().restart(SERVICE, Map.of(NO_IDEMPOTENCY_KEYS, "true", READ_TIMEOUT, LAB_READ_TIMEOUT));
        Phase naive = phase(bench, "lab-key-naive-" + seed, seed);
        bench.step("%s restarts with idempotency keys ON (one key per order)", SERVICE);
        // Left running like this: every pattern on, only the read timeout shorter.
        bench.platform().restart(SERVICE, Map.of(READ_TIMEOUT, LAB_READ_TIMEOUT));
        Phase pattern = phase(bench, "lab-key-pattern-" + seed, seed + 1);

        boolean damageShown = !naive.doubleCharged().isEmpty();
        boolean prevented = pattern.timedOut() > 0 && pattern.running().isEmpty() && pattern.doubleCharged().isEmpty()
                && pattern.orders().stream().allMatch(id -> pattern.charges().getOrDefault(id, List.of()).size() == 1);
        return new LabResult(name(),
                new LabResult.Half("without idempotency keys (a new key per attempt):", naive.evidence()),
                new LabResult.Half("with the idempotency key (one per order):", pattern.evidence()),
                damageShown, prevented);
    }

    /** One half: orders placed while the provider times out half its charges, and the provider's ledger for them. */
    private record Phase(List<String> orders, List<String> running, long timedOut, Map<String, List<Capture>> charges) {
        /** Orders with more than one capture still standing (not refunded). */
        List<String> doubleCharged() {
            return orders.stream().filter(id -> charges.getOrDefault(id, List.of()).size() > 1).toList();
        }

        List<String> evidence() {
            List<String> lines = new ArrayList<>();
            lines.add(orders.size() + " orders placed; the provider took the money and then timed out " + timedOut
                    + " time(s); payment-service retried each");
            for (String id : orders) {
                List<Capture> captured = charges.getOrDefault(id, List.of());
                List<String> keys = captured.stream().map(Capture::key).distinct().toList();
                lines.add("order " + id + ": " + (captured.size() == 1 ? "charged once" : "charged " + captured.size() + " times")
                        + (keys.size() == 1 ? ", key " + keys.get(0) : ", under " + keys.size() + " keys") + " - "
                        + String.join(", ", captured.stream().map(Capture::chargeId).toList()));
            }
            if (!running.isEmpty()) {
                lines.add("still running after " + SAGA_BOUND.toSeconds() + " s: " + running);
            }
            return lines;
        }
    }

    private static Phase phase(LabBench bench, String customerPrefix, long seed) throws InterruptedException {
        long timedOutBefore = bench.providerTimeouts();
        Fault timeouts = bench.chaos().fault(FaultType.PROVIDER_CHARGE_TIMEOUT, new Random(seed));
        timeouts.inject();
        List<String> orders;
        List<String> running;
        try {
            orders = bench.placeHappyOrders(customerPrefix, ORDERS, seed);
            bench.step("placed %d orders while the provider times out half its charges after taking the money", orders.size());
            running = bench.awaitTerminal(orders, SAGA_BOUND);
        } finally {
            timeouts.heal();
        }
        return new Phase(orders, running, bench.providerTimeouts() - timedOutBefore, captures(bench.client(), orders));
    }

    /** A capture in the provider's own ledger. */
    private record Capture(String chargeId, String key) {}

    /** Order id → every capture of it in the provider's own ledger that was not refunded. */
    private static Map<String, List<Capture>> captures(OrderflowClient client, List<String> orders) {
        OrderflowClient.Reply reply = client.ledger();
        if (!reply.ok()) {
            throw new IllegalStateException("GET /v1/ledger answered " + reply.status() + ": " + reply.body());
        }
        Map<String, BigDecimal> refunded = new LinkedHashMap<>();
        reply.body().path("refunds").forEach(r -> refunded.merge(r.path("chargeId").asText(),
                new BigDecimal(r.path("amount").asText()), BigDecimal::add));
        Map<String, List<Capture>> captures = new LinkedHashMap<>();
        for (JsonNode charge : reply.body().path("charges")) {
            String orderId = charge.path("reference").asText();
            String chargeId = charge.path("chargeId").asText();
            boolean standing = "captured".equals(charge.path("status").asText())
                    && refunded.getOrDefault(chargeId, BigDecimal.ZERO).compareTo(new BigDecimal(charge.path("amount").asText())) < 0;
            if (orders.contains(orderId) && standing) {
                captures.computeIfAbsent(orderId, id -> new ArrayList<>()).add(new Capture(chargeId, charge.path("idempotencyKey").asText()));
            }
        }
        return captures;
    }
}
