package dev.orderflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.check.Anomaly.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker on hand-made snapshots: a clean one passes, and each kind of damage is named. */
class InvariantCheckerTest {
    private static final BigDecimal TOTAL = new BigDecimal("20.00");

    /** Three orders that ended well: one shipped (2 units of A), one rejected, one cancelled after a refund. */
    private static Builder clean() {
        Builder b = new Builder();
        b.order("shipped", "SHIPPED", List.of("PLACED", "RESERVED", "PAID", "SHIPPED"), 2);
        b.order("rejected", "REJECTED", List.of("PLACED", "REJECTED"), 0);
        b.order("cancelled", "CANCELLED", List.of("PLACED", "RESERVED", "PAID", "CANCELLED"), 0);
        b.charges.add(new Snapshot.Charge("ch1", "order-shipped-capture", "shipped", TOTAL, true, BigDecimal.ZERO));
        b.charges.add(new Snapshot.Charge("ch2", "order-cancelled-capture", "cancelled", TOTAL, true, TOTAL));
        b.charges.add(new Snapshot.Charge("ch3", "order-declined-capture", "rejected", TOTAL, false, BigDecimal.ZERO));
        b.shipments.put("shipped", 1);
        b.stockBefore.put("A", new Snapshot.Stock(10, 0, 0));
        b.stockAfter.put("A", new Snapshot.Stock(8, 0, 2));
        return b;
    }

    @Test
    void aCleanRunHasNoAnomalies() {
        assertThat(InvariantChecker.check(clean().build())).isEmpty();
    }

    @Test
    void secondCaptureIsADoubleCharge() {
        Builder b = clean();
        b.charges.add(new Snapshot.Charge("ch4", "order-shipped-capture", "shipped", TOTAL, true, BigDecimal.ZERO));
        assertThat(kinds(b)).contains(Kind.DOUBLE_CHARGE, Kind.CHARGE_MISMATCH);
    }

    @Test
    void cancelledOrderThatKeptItsMoneyIsAChargeMismatch() {
        Builder b = clean();
        b.charges.set(1, new Snapshot.Charge("ch2", "order-cancelled-capture", "cancelled", TOTAL, true, BigDecimal.ZERO));
        assertThat(kinds(b)).containsExactly(Kind.CHARGE_MISMATCH);
    }

    @Test
    void acknowledgedOrderUnknownToTheServiceIsLost() {
        Builder b = clean();
        b.acknowledged.put("key-lost", List.of("ghost"));
        assertThat(kinds(b)).containsExactly(Kind.LOST_ORDER);
    }

    @Test
    void oneKeyTwoOrdersIsADuplicateOrder() {
        Builder b = clean();
        b.acknowledged.put("key-shipped", List.of("shipped", "rejected"));
        assertThat(kinds(b)).containsExactly(Kind.DUPLICATE_ORDER);
    }

    @Test
    void orderStillRunningIsAStuckSaga() {
        Builder b = clean();
        b.order("running", "PAID", List.of("PLACED", "RESERVED", "PAID"), 0);
        b.charges.add(new Snapshot.Charge("ch5", "order-running-capture", "running", TOTAL, true, BigDecimal.ZERO));
        assertThat(kinds(b)).containsExactly(Kind.STUCK_SAGA);
    }

    @Test
    void historyGoingBackwardsIsAnIllegalTransition() {
        Builder b = clean();
        b.order("cancelled", "CANCELLED", List.of("PLACED", "RESERVED", "PLACED", "RESERVED", "CANCELLED"), 0);
        assertThat(kinds(b)).containsExactly(Kind.ILLEGAL_TRANSITION);
    }

    @Test
    void unitsThatVanishedAreStockDrift() {
        Builder b = clean();
        b.stockAfter.put("A", new Snapshot.Stock(7, 0, 2));
        assertThat(kinds(b)).containsExactly(Kind.STOCK_DRIFT);
    }

    @Test
    void unitsLeftReservedAreStockDrift() {
        Builder b = clean();
        b.stockAfter.put("A", new Snapshot.Stock(7, 1, 2));
        assertThat(kinds(b)).containsExactly(Kind.STOCK_DRIFT);
    }

    @Test
    void restockedUnitsAreNotDrift() {
        Builder b = clean();
        b.stockAfter.put("A", new Snapshot.Stock(13, 0, 2));
        b.restocked.put("A", 5);
        assertThat(kinds(b)).isEmpty();
    }

    @Test
    void negativeStockIsNamed() {
        Builder b = clean();
        b.stockBefore.put("B", new Snapshot.Stock(0, 0, 0));
        b.stockAfter.put("B", new Snapshot.Stock(-1, 1, 0)); // an oversold unit still reserved
        assertThat(kinds(b)).contains(Kind.NEGATIVE_STOCK);
    }

    @Test
    void cancelledOrderWithAShipmentShippedAfterCancel() {
        Builder b = clean();
        b.shipments.put("cancelled", 1);
        assertThat(kinds(b)).containsExactly(Kind.SHIPPED_AFTER_CANCEL);
    }

    @Test
    void shippedOrderWithoutShipmentOrWithTwo() {
        Builder missing = clean();
        missing.shipments.remove("shipped");
        assertThat(kinds(missing)).containsExactly(Kind.MISSING_SHIPMENT);

        Builder twice = clean();
        twice.shipments.put("shipped", 2);
        assertThat(kinds(twice)).containsExactly(Kind.DUPLICATE_SHIPMENT);
    }

    @Test
    void eventLeftInTheOutboxIsUnpublished() {
        Builder b = clean();
        b.unpublished.put("payment-service", 2L);
        assertThat(kinds(b)).containsExactly(Kind.UNPUBLISHED_EVENT);
    }

    @Test
    void deadLetterNobodyInjectedIsUnaccounted() {
        Builder b = clean();
        b.deadLetters.add(new Snapshot.DeadLetter("shipping.events.dlq", "cancelled", "ShipmentScheduled.v1", "contradicts the order"));
        assertThat(kinds(b)).containsExactly(Kind.UNACCOUNTED_DEAD_LETTER);
    }

    private static List<Kind> kinds(Builder b) {
        return InvariantChecker.check(b.build()).stream().map(Anomaly::kind).toList();
    }

    private static final class Builder {
        final Map<String, List<String>> acknowledged = new HashMap<>();
        final Map<String, Snapshot.Order> orders = new HashMap<>();
        final Map<String, Snapshot.Stock> stockBefore = new HashMap<>();
        final Map<String, Snapshot.Stock> stockAfter = new HashMap<>();
        final Map<String, Integer> restocked = new HashMap<>();
        final List<Snapshot.Charge> charges = new ArrayList<>();
        final Map<String, Integer> shipments = new HashMap<>();
        final Map<String, Long> unpublished = new HashMap<>(Map.of("order-service", 0L));
        final List<Snapshot.DeadLetter> deadLetters = new ArrayList<>();

        void order(String id, String status, List<String> history, int unitsOfA) {
            acknowledged.put("key-" + id, List.of(id));
            orders.put(id, new Snapshot.Order(id, status, TOTAL, unitsOfA == 0 ? Map.of("A", 1) : Map.of("A", unitsOfA), history));
        }

        Snapshot build() {
            return new Snapshot(acknowledged, orders, stockBefore, stockAfter, restocked, charges, shipments, unpublished,
                    deadLetters);
        }
    }
}
