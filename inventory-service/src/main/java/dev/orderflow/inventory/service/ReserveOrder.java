package dev.orderflow.inventory.service;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reserve stock for every line of an order (from {@code OrderPlaced}). */
public record ReserveOrder(String orderId, List<Line> lines) {

    public record Line(String sku, int quantity) {}

    public ReserveOrder {
        Objects.requireNonNull(orderId, "orderId");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " has no lines");
        }
        for (Line line : lines) {
            if (line.sku() == null || line.sku().isBlank() || line.quantity() <= 0) {
                throw new IllegalArgumentException("order " + orderId + " has an invalid line " + line);
            }
        }
        lines = List.copyOf(lines);
    }

    /** Quantity per SKU, in SKU order (the lock order); an order may name one SKU on several lines. */
    public SortedMap<String, Integer> quantityBySku() {
        SortedMap<String, Integer> merged = new TreeMap<>();
        for (Line line : lines) {
            merged.merge(line.sku(), line.quantity(), Math::addExact);
        }
        return Collections.unmodifiableSortedMap(merged);
    }
}
