package dev.orderflow.inventory.service;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.inventory.v1.InventoryCommitted;
import dev.orderflow.events.inventory.v1.InventoryRejected;
import dev.orderflow.events.inventory.v1.InventoryReleased;
import dev.orderflow.events.inventory.v1.InventoryReserved;
import dev.orderflow.events.inventory.v1.StockLine;
import dev.orderflow.events.inventory.v1.UnavailableLine;
import dev.orderflow.inventory.domain.RejectionReason;
import dev.orderflow.inventory.domain.ReleaseReason;
import dev.orderflow.inventory.domain.Reservation;
import dev.orderflow.inventory.domain.ShortLine;
import dev.orderflow.messaging.outbox.OutboxEvent;
import java.time.Instant;
import java.util.List;

/** Maps reservations to the facts inventory-service publishes on {@code inventory.events} (key = order id). */
final class InventoryEvents {
    /** The aggregate is the order's reservation; its id is the order id, the saga's key. */
    static final String AGGREGATE_TYPE = "Reservation";

    private InventoryEvents() {}

    static OutboxEvent inventoryReserved(Reservation reservation) {
        var event = InventoryReserved.newBuilder()
                .setOrderId(reservation.orderId)
                .setLines(stockLines(reservation))
                .setReservedAt(reservation.updatedAt)
                .build();
        return outboxEvent(reservation.orderId, EventTypes.INVENTORY_RESERVED_V1, AvroCodec.encode(event));
    }

    static OutboxEvent inventoryRejected(Reservation reservation, RejectionReason reason, List<ShortLine> shortLines) {
        var event = InventoryRejected.newBuilder()
                .setOrderId(reservation.orderId)
                .setReason(switch (reason) {
                    case OUT_OF_STOCK -> dev.orderflow.events.inventory.v1.RejectionReason.OUT_OF_STOCK;
                    case UNKNOWN_SKU -> dev.orderflow.events.inventory.v1.RejectionReason.UNKNOWN_SKU;
                })
                .setUnavailableLines(shortLines.stream()
                        .map(line -> UnavailableLine.newBuilder()
                                .setSku(line.sku())
                                .setRequested(line.requested())
                                .setAvailable(line.available())
                                .build())
                        .toList())
                .setRejectedAt(reservation.updatedAt)
                .build();
        return outboxEvent(reservation.orderId, EventTypes.INVENTORY_REJECTED_V1, AvroCodec.encode(event));
    }

    static OutboxEvent inventoryReleased(Reservation reservation, ReleaseReason reason) {
        var event = InventoryReleased.newBuilder()
                .setOrderId(reservation.orderId)
                .setReason(switch (reason) {
                    case PAYMENT_FAILED -> dev.orderflow.events.inventory.v1.ReleaseReason.PAYMENT_FAILED;
                    case ORDER_CANCELLED -> dev.orderflow.events.inventory.v1.ReleaseReason.ORDER_CANCELLED;
                })
                .setLines(stockLines(reservation))
                .setReleasedAt(reservation.updatedAt)
                .build();
        return outboxEvent(reservation.orderId, EventTypes.INVENTORY_RELEASED_V1, AvroCodec.encode(event));
    }

    static OutboxEvent inventoryCommitted(Reservation reservation) {
        var event = InventoryCommitted.newBuilder()
                .setOrderId(reservation.orderId)
                .setLines(stockLines(reservation))
                .setCommittedAt(reservation.updatedAt)
                .build();
        return outboxEvent(reservation.orderId, EventTypes.INVENTORY_COMMITTED_V1, AvroCodec.encode(event));
    }

    private static List<StockLine> stockLines(Reservation reservation) {
        return reservation.lines.stream()
                .map(line -> StockLine.newBuilder().setSku(line.sku).setQuantity(line.quantity).build())
                .toList();
    }

    private static OutboxEvent outboxEvent(String orderId, String type, byte[] payload) {
        return OutboxEvent.of(AGGREGATE_TYPE, orderId, type, Topics.INVENTORY, payload);
    }

    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
