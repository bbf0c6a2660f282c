package dev.orderflow.sandbox.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-made snapshots for the checkers' tests: every order costs {@link #TOTAL}, stock is in SKU "A". */
public final class SnapshotBuilder {
    public static final BigDecimal TOTAL = new BigDecimal("20.00");

    public final Map<String, List<String>> acknowledged = new HashMap<>();
    public final Map<String, Snapshot.Order> orders = new HashMap<>();
    public final Map<String, Snapshot.Stock> stockBefore = new HashMap<>();
    public final Map<String, Snapshot.Stock> stockAfter = new HashMap<>();
    public final Map<String, Integer> restocked = new HashMap<>();
    public final List<Snapshot.Charge> charges = new ArrayList<>();
    public final Map<String, Integer> shipments = new HashMap<>();
    public final Map<String, Long> unpublished = new HashMap<>(Map.of("order-service", 0L));
    public final List<Snapshot.DeadLetter> deadLetters = new ArrayList<>();

    /** An order acknowledged under key {@code key-<id>}, holding {@code unitsOfA} units of A (1 when 0). */
    public void order(String id, String status, List<String> history, int unitsOfA) {
        acknowledged.put("key-" + id, List.of(id));
        orders.put(id, new Snapshot.Order(id, status, TOTAL, unitsOfA == 0 ? Map.of("A", 1) : Map.of("A", unitsOfA), history,
                null, null));
    }

    public Snapshot build() {
        return new Snapshot(acknowledged, orders, stockBefore, stockAfter, restocked, charges, shipments, unpublished,
                deadLetters);
    }
}
