package dev.orderflow.sandbox.check;

import dev.orderflow.sandbox.check.Anomaly.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants of docs/saga.md as a pure function of a {@link Snapshot}: no I/O, so every anomaly
 * kind can be proven on hand-made snapshots and the same code judges real runs.
 */
public final class InvariantChecker {
    public static final Set<String> TERMINAL = Set.of("SHIPPED", "REJECTED", "CANCELLED");
    /** The order's transition graph (order-service's table), seen from outside. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "PLACED", Set.of("RESERVED", "REJECTED"),
            "RESERVED", Set.of("PAID", "CANCELLED"),
            "PAID", Set.of("SHIPPED", "CANCELLED"));

    private InvariantChecker() {}

    public static List<Anomaly> check(Snapshot snapshot) {
        List<Anomaly> anomalies = new ArrayList<>();
        checkOrders(snapshot, anomalies);
        checkStock(snapshot, anomalies);
        checkCharges(snapshot, anomalies);
        checkShipments(snapshot, anomalies);
        snapshot.unpublishedEvents().forEach((service, pending) -> {
            if (pending > 0) {
                anomalies.add(new Anomaly(Kind.UNPUBLISHED_EVENT, List.of(), service + " has " + pending + " unpublished outbox rows"));
            }
        });
        snapshot.deadLetters().forEach(letter -> anomalies.add(new Anomaly(Kind.UNACCOUNTED_DEAD_LETTER,
                letter.orderId() == null ? List.of() : List.of(letter.orderId()),
                letter.type() + " on " + letter.topic() + ": " + letter.reason())));
        return anomalies;
    }

    private static void checkOrders(Snapshot snapshot, List<Anomaly> anomalies) {
        snapshot.acknowledged().forEach((key, orderIds) -> {
            Set<String> distinct = new LinkedHashSet<>(orderIds);
            if (distinct.size() > 1) {
                anomalies.add(new Anomaly(Kind.DUPLICATE_ORDER, List.copyOf(distinct), "idempotency key " + key + " created " + distinct.size() + " orders"));
            }
            distinct.stream().filter(id -> !snapshot.orders().containsKey(id)).forEach(id ->
                    anomalies.add(new Anomaly(Kind.LOST_ORDER, List.of(id), "acknowledged for key " + key + " but unknown to order-service")));
        });
        for (Snapshot.Order order : snapshot.orders().values()) {
            if (!TERMINAL.contains(order.status())) {
                anomalies.add(new Anomaly(Kind.STUCK_SAGA, List.of(order.orderId()), "still " + order.status() + ", history " + order.history()));
            }
            List<String> history = order.history();
            boolean legal = !history.isEmpty() && history.get(0).equals("PLACED")
                    && history.get(history.size() - 1).equals(order.status());
            for (int i = 1; legal && i < history.size(); i++) {
                legal = ALLOWED.getOrDefault(history.get(i - 1), Set.of()).contains(history.get(i));
            }
            if (!legal) {
                anomalies.add(new Anomaly(Kind.ILLEGAL_TRANSITION, List.of(order.orderId()), "history " + history + " ends " + order.status()));
            }
        }
    }

    private static void checkStock(Snapshot snapshot, List<Anomaly> anomalies) {
        Map<String, Integer> shippedUnits = new HashMap<>();
        for (Snapshot.Order order : snapshot.orders().values()) {
            if (order.status().equals("SHIPPED")) {
                order.quantities().forEach((sku, quantity) -> shippedUnits.merge(sku, quantity, Integer::sum));
            }
        }
        snapshot.stockAfter().forEach((sku, after) -> {
            if (after.available() < 0 || after.reserved() < 0 || after.shipped() < 0) {
                anomalies.add(new Anomaly(Kind.NEGATIVE_STOCK, List.of(), sku + " " + after));
            }
            Snapshot.Stock before = snapshot.stockBefore().get(sku);
            if (before == null) {
                return;
            }
            int restocked = snapshot.restocked().getOrDefault(sku, 0);
            if (after.total() != before.total() + restocked) {
                anomalies.add(new Anomaly(Kind.STOCK_DRIFT, List.of(), sku + ": available + reserved + shipped was "
                        + before.total() + " (+" + restocked + " restocked), is " + after.total()));
            }
            int shipped = after.shipped() - before.shipped();
            if (shipped != shippedUnits.getOrDefault(sku, 0)) {
                anomalies.add(new Anomaly(Kind.STOCK_DRIFT, List.of(), sku + ": " + shipped + " units shipped, the SHIPPED orders hold "
                        + shippedUnits.getOrDefault(sku, 0)));
            }
            if (after.reserved() != before.reserved()) {
                anomalies.add(new Anomaly(Kind.STOCK_DRIFT, List.of(), sku + ": " + after.reserved()
                        + " units still reserved after every order ended (" + before.reserved() + " before)"));
            }
        });
    }

    private static void checkCharges(Snapshot snapshot, List<Anomaly> anomalies) {
        Map<String, List<Snapshot.Charge>> capturedByOrder = new HashMap<>();
        Map<String, List<Snapshot.Charge>> capturedByKey = new HashMap<>();
        for (Snapshot.Charge charge : snapshot.charges()) {
            if (charge.captured()) {
                capturedByOrder.computeIfAbsent(charge.orderId(), k -> new ArrayList<>()).add(charge);
                capturedByKey.computeIfAbsent(charge.idempotencyKey(), k -> new ArrayList<>()).add(charge);
            }
        }
        capturedByKey.forEach((key, charges) -> {
            if (charges.size() > 1) {
                anomalies.add(new Anomaly(Kind.DOUBLE_CHARGE, orderIds(charges), charges.size() + " captures under idempotency key " + key));
            }
        });
        for (Snapshot.Order order : snapshot.orders().values()) {
            List<Snapshot.Charge> charges = capturedByOrder.getOrDefault(order.orderId(), List.of());
            if (charges.size() > 1 && charges.stream().map(Snapshot.Charge::idempotencyKey).distinct().count() > 1) {
                anomalies.add(new Anomaly(Kind.DOUBLE_CHARGE, List.of(order.orderId()), charges.size() + " captures: " + charges));
            }
            BigDecimal net = charges.stream().map(c -> c.amount().subtract(c.refunded())).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal expected = order.status().equals("SHIPPED") ? order.total() : BigDecimal.ZERO;
            boolean settled = TERMINAL.contains(order.status());
            boolean plausible = net.signum() == 0 || net.compareTo(order.total()) == 0;
            if ((settled && net.compareTo(expected) != 0) || !plausible) {
                anomalies.add(new Anomaly(Kind.CHARGE_MISMATCH, List.of(order.orderId()), "order " + order.status() + " total "
                        + order.total() + ", captured − refunded at the provider " + net));
            }
        }
    }

    private static void checkShipments(Snapshot snapshot, List<Anomaly> anomalies) {
        for (Snapshot.Order order : snapshot.orders().values()) {
            int shipments = snapshot.shipmentsPerOrder().getOrDefault(order.orderId(), 0);
            switch (order.status()) {
                case "SHIPPED" -> {
                    if (shipments == 0) {
                        anomalies.add(new Anomaly(Kind.MISSING_SHIPMENT, List.of(order.orderId()), "SHIPPED without a shipment"));
                    }
                }
                case "CANCELLED", "REJECTED" -> {
                    if (shipments > 0) {
                        anomalies.add(new Anomaly(Kind.SHIPPED_AFTER_CANCEL, List.of(order.orderId()), order.status() + " with " + shipments + " shipment(s)"));
                    }
                }
                default -> { }
            }
            if (shipments > 1) {
                anomalies.add(new Anomaly(Kind.DUPLICATE_SHIPMENT, List.of(order.orderId()), shipments + " shipments"));
            }
        }
    }

    private static List<String> orderIds(List<Snapshot.Charge> charges) {
        return charges.stream().map(Snapshot.Charge::orderId).distinct().toList();
    }
}
