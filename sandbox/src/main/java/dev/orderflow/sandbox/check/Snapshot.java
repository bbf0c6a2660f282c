package dev.orderflow.sandbox.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The platform's final state as the checker sees it, read through the public APIs: orders and their
 * histories, stock per SKU before and after the run, the provider's ledger, shipments per order.
 *
 * @param acknowledged idempotency key → every order id a 2xx answer of {@code POST /orders} returned for it
 * @param orders order id → state, for every acknowledged order that order-service still knows
 * @param restocked units added per SKU during the run
 * @param unpublishedEvents service → outbox rows not yet published
 * @param deadLetters every record on the dead-letter topics
 */
public record Snapshot(
        Map<String, List<String>> acknowledged,
        Map<String, Order> orders,
        Map<String, Stock> stockBefore,
        Map<String, Stock> stockAfter,
        Map<String, Integer> restocked,
        List<Charge> charges,
        Map<String, Integer> shipmentsPerOrder,
        Map<String, Long> unpublishedEvents,
        List<DeadLetter> deadLetters) {

    /** {@code endedAt}: when it reached its current terminal state, null while running (saga latency). */
    public record Order(String orderId, String status, BigDecimal total, Map<String, Integer> quantities, List<String> history,
            java.time.Instant placedAt, java.time.Instant endedAt) {}

    public record Stock(int available, int reserved, int shipped) {
        int total() {
            return available + reserved + shipped;
        }
    }

    /** A record a consumer gave up on, with the reason it recorded; {@code eventId} is its {@code ce_id}. */
    public record DeadLetter(String topic, String eventId, String orderId, String type, String reason) {}

    /** The same snapshot without the dead letters a chaos run injected on purpose. */
    public Snapshot withoutDeadLetters(java.util.Set<String> eventIds) {
        return new Snapshot(acknowledged, orders, stockBefore, stockAfter, restocked, charges, shipmentsPerOrder,
                unpublishedEvents, deadLetters.stream().filter(d -> !eventIds.contains(d.eventId())).toList());
    }

    /** One charge in the provider's ledger and what was refunded of it. */
    public record Charge(String chargeId, String idempotencyKey, String orderId, BigDecimal amount, boolean captured,
            BigDecimal refunded) {}
}
