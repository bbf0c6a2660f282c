package dev.orderflow.inventory.service;

import dev.orderflow.inventory.domain.RejectionReason;
import dev.orderflow.inventory.domain.ReleaseReason;
import dev.orderflow.inventory.domain.Reservation;
import dev.orderflow.inventory.domain.ReservationLine;
import dev.orderflow.inventory.domain.ReservationStatus;
import dev.orderflow.inventory.domain.ShortLine;
import dev.orderflow.inventory.domain.StockItem;
import dev.orderflow.inventory.persistence.ReservationRepository;
import dev.orderflow.inventory.persistence.StockRepository;
import dev.orderflow.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The saga's inventory steps. Each runs in the caller's transaction (the inbox's, when an event
 * triggers it), changes stock and the reservation, and appends the resulting fact to the outbox:
 * all of it commits together or not at all.
 *
 * <p>Stock rows are always locked in SKU order ({@link StockRepository#lockInSkuOrder}), the
 * reservation row before them, so concurrent orders serialise per SKU without deadlocks and the
 * last unit goes to exactly one order.
 */
@ApplicationScoped
public class ReservationService {
    private final ReservationRepository reservations;
    private final StockRepository stock;
    private final Outbox outbox;

    ReservationService(ReservationRepository reservations, StockRepository stock, Outbox outbox) {
        this.reservations = reservations;
        this.stock = stock;
        this.outbox = outbox;
    }

    /**
     * All or nothing: reserves every line and publishes {@code InventoryReserved}, or reserves none
     * and publishes {@code InventoryRejected} naming the short lines. An order is decided once: a
     * second decision for the same order is ignored.
     */
    @Transactional
    public ReservationOutcome reserve(ReserveOrder command) {
        if (reservations.lock(command.orderId()).isPresent()) {
            return ReservationOutcome.IGNORED;
        }
        SortedMap<String, Integer> wanted = command.quantityBySku();
        Map<String, StockItem> items = stock.lockInSkuOrder(wanted.keySet()).stream()
                .collect(Collectors.toMap(item -> item.sku, Function.identity()));
        List<ShortLine> shortLines = new ArrayList<>();
        wanted.forEach((sku, quantity) -> {
            StockItem item = items.get(sku);
            if (item == null) {
                shortLines.add(new ShortLine(sku, quantity, 0, true));
            } else if (!item.canReserve(quantity)) {
                shortLines.add(new ShortLine(sku, quantity, item.available, false));
            }
        });
        List<ReservationLine> lines = wanted.entrySet().stream()
                .map(e -> new ReservationLine(e.getKey(), e.getValue()))
                .toList();
        Instant now = InventoryEvents.now();
        if (!shortLines.isEmpty()) {
            RejectionReason reason = shortLines.stream().anyMatch(ShortLine::unknownSku)
                    ? RejectionReason.UNKNOWN_SKU
                    : RejectionReason.OUT_OF_STOCK;
            Reservation rejected = Reservation.rejected(command.orderId(), reason, lines, now);
            reservations.persist(rejected);
            outbox.append(InventoryEvents.inventoryRejected(rejected, reason, shortLines));
            return ReservationOutcome.REJECTED;
        }
        wanted.forEach((sku, quantity) -> items.get(sku).reserve(quantity));
        Reservation reserved = Reservation.reserved(command.orderId(), lines, now);
        reservations.persist(reserved);
        outbox.append(InventoryEvents.inventoryReserved(reserved));
        return ReservationOutcome.RESERVED;
    }

    /**
     * Compensation: reserved → available, publishes {@code InventoryReleased}. Exactly once: a
     * release of a released (or rejected, or already shipped) order changes nothing.
     */
    @Transactional
    public ReservationOutcome release(String orderId, ReleaseReason reason) {
        return move(orderId, ReservationStatus.RELEASED, reason.name(), StockItem::release,
                reservation -> outbox.append(InventoryEvents.inventoryReleased(reservation, reason)),
                ReservationOutcome.RELEASED);
    }

    /** The shipment was scheduled: reserved → shipped, publishes {@code InventoryCommitted}. */
    @Transactional
    public ReservationOutcome commit(String orderId) {
        return move(orderId, ReservationStatus.COMMITTED, null, StockItem::ship,
                reservation -> outbox.append(InventoryEvents.inventoryCommitted(reservation)),
                ReservationOutcome.COMMITTED);
    }

    private ReservationOutcome move(
            String orderId,
            ReservationStatus target,
            String reason,
            StockMove stockMove,
            Consumer<Reservation> publish,
            ReservationOutcome moved) {
        var found = reservations.lock(orderId);
        if (found.isEmpty()) {
            return ReservationOutcome.NO_RESERVATION;
        }
        Reservation reservation = found.get();
        // Throws IllegalReservationTransition (dead-lettered) before anything changed.
        if (!reservation.moveTo(target, reason, InventoryEvents.now())) {
            return ReservationOutcome.IGNORED;
        }
        Map<String, StockItem> items = stock.lockInSkuOrder(reservation.lines.stream().map(l -> l.sku).toList()).stream()
                .collect(Collectors.toMap(item -> item.sku, Function.identity()));
        for (ReservationLine line : reservation.lines) {
            stockMove.apply(items.get(line.sku), line.quantity);
        }
        publish.accept(reservation);
        return moved;
    }

    @FunctionalInterface
    private interface StockMove {
        void apply(StockItem item, int quantity);
    }
}
