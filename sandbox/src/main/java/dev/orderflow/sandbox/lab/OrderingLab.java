package dev.orderflow.sandbox.lab;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.sandbox.chaos.fault.Fault;
import dev.orderflow.sandbox.check.InvariantChecker;
import dev.orderflow.sandbox.demo.EventReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code ordering}: an order is cancelled at once, so inventory publishes {@code InventoryReserved}
 * (sequence 1) and then {@code InventoryReleased} (sequence 2). The delivery stage holds
 * {@code inventory.events} meanwhile and then delivers the two newest first. Without sequence
 * checks order-service applies them in arrival order: the release finds the order still
 * {@code PLACED} and is refused (dead-lettered), the reservation is applied after it, and the order
 * is stuck {@code RESERVED}. With them the release is a gap: parked until the reservation, then
 * applied, and the order ends {@code CANCELLED}.
 */
final class OrderingLab implements Lab {
    static final String SERVICE = "order-service";
    static final String NO_SEQUENCE_CHECKS = "orderflow.messaging.naive.no-sequence-checks";
    private static final Duration EVENTS_BOUND = Duration.ofSeconds(30);
    /** How long the order gets to end after the reordered delivery; an order not terminal by then is stuck. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "ordering";
    }

    @Override
    public String summary() {
        return "an order's InventoryReleased delivered before its InventoryReserved";
    }

    @Override
    public LabResult run(LabBench bench, long seed) throws InterruptedException {
        bench.step("%s restarts with sequence checks OFF (events applied in arrival order)", SERVICE);
        bench.platform().restart(SERVICE, Map.of(NO_SEQUENCE_CHECKS, "true"));
        Phase naive = phase(bench, "lab-ordering-naive-" + seed, seed);
        bench.step("%s restarts with sequence checks ON", SERVICE);
        bench.platform().restart(SERVICE);
        Phase pattern = phase(bench, "lab-ordering-pattern-" + seed, seed + 1);

        boolean damageShown = naive.reversed() && "RESERVED".equals(naive.status()) && !naive.deadLetters().isEmpty();
        boolean prevented = pattern.reversed() && "CANCELLED".equals(pattern.status()) && pattern.deadLetters().isEmpty();
        return new LabResult(name(),
                new LabResult.Half("without sequence checks:", naive.evidence()),
                new LabResult.Half("with sequence checks:", pattern.evidence()),
                damageShown, prevented);
    }

    /**
     * One half: the order, whether its two inventory facts were really published and delivered
     * newest first, its status once settled, and what was dead-lettered for it.
     */
    private record Phase(String orderId, boolean reversed, String status, long settledInSeconds, List<String> deadLetters,
            String delivery) {
        List<String> evidence() {
            return List.of(
                    "order " + orderId + " placed and cancelled at once: inventory published InventoryReserved (sequence 1) "
                            + "then InventoryReleased (sequence 2)",
                    delivery,
                    "order " + status + (InvariantChecker.TERMINAL.contains(status) ? " after " + settledInSeconds + " s"
                            : ", still after " + SETTLE.toSeconds() + " s")
                            + (deadLetters.isEmpty() ? "; nothing dead-lettered"
                                    : "; dead-lettered: " + String.join("; ", deadLetters)));
        }
    }

    private static Phase phase(LabBench bench, String customer, long seed) throws InterruptedException {
        Fault reorder = bench.chaos().newestFirstDelivery(Topics.INVENTORY);
        reorder.inject();
        String orderId;
        List<EventReader.ReceivedEvent> published;
        try {
            orderId = bench.placeHappyOrder(customer, new Random(seed));
            var cancel = bench.client().cancelOrder(orderId, "lab: cancelled at once");
            if (!cancel.ok()) {
                throw new IllegalStateException("POST /orders/" + orderId + "/cancel answered " + cancel.status() + ": " + cancel.body());
            }
            bench.step("order %s placed and cancelled; %s held until inventory has published both facts", orderId, Topics.INVENTORY);
            published = bench.events().read(List.of(Topics.INVENTORY), orderId, 2, EVENTS_BOUND);
        } finally {
            reorder.heal();
        }
        boolean reversed = published.size() == 2
                && EventTypes.INVENTORY_RESERVED_V1.equals(published.get(0).header(CloudEventHeaders.TYPE))
                && EventTypes.INVENTORY_RELEASED_V1.equals(published.get(1).header(CloudEventHeaders.TYPE));
        long begin = System.nanoTime();
        bench.awaitTerminal(List.of(orderId), SETTLE);
        long settled = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        String status = bench.status(orderId);
        List<String> deadLetters = bench.events()
                .readUntilQuiet(List.of(Topics.deadLetterTopicOf(Topics.INVENTORY)), orderId, Duration.ofSeconds(2), Duration.ofSeconds(4))
                .stream().map(letter -> shortType(letter.header(CloudEventHeaders.TYPE)) + " " + letter.header(CloudEventHeaders.ID)
                        + " (reason: " + letter.header("dead-letter-reason") + ")")
                .toList();
        String delivery = reversed
                ? "the delivery stage delivered them newest first: InventoryReleased " + published.get(1).header(CloudEventHeaders.ID)
                        + ", then InventoryReserved " + published.get(0).header(CloudEventHeaders.ID)
                : "inventory did not publish the two facts in " + EVENTS_BOUND.toSeconds() + " s (saw " + published.size() + ")";
        return new Phase(orderId, reversed, status, settled, deadLetters, delivery);
    }

    /** {@code dev.orderflow.inventory.InventoryReleased.v1} → {@code InventoryReleased}. */
    private static String shortType(String type) {
        if (type == null) {
            return "?";
        }
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }
}
