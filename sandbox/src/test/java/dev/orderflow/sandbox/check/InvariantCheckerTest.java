package dev.orderflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.check.Anomaly.Kind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker on hand-made snapshots: a clean one passes, and each kind of damage is named. */
class InvariantCheckerTest {
    private static final BigDecimal TOTAL = SnapshotBuilder.TOTAL;

    /** Three orders that ended well: one shipped (2 units of A), one rejected, one cancelled after a refund. */
    private static SnapshotBuilder clean() {
        SnapshotBuilder b = new SnapshotBuilder();
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
        SnapshotBuilder b = clean();
        b.charges.add(new Snapshot.Charge("ch4", "order-shipped-capture", "shipped", TOTAL, true, BigDecimal.ZERO));
        assertThat(kinds(b)).contains(Kind.DOUBLE_CHARGE, Kind.CHARGE_MISMATCH);
    }

    @Test
    void cancelledOrderThatKeptItsMoneyIsAChargeMismatch() {
        SnapshotBuilder b = clean();
        b.charges.set(1, new Snapshot.Charge("ch2", "order-cancelled-capture", "cancelled", TOTAL, true, BigDecimal.ZERO));
        assertThat(kinds(b)).containsExactly(Kind.CHARGE_MISMATCH);
    }

    @Test
    void acknowledgedOrderUnknownToTheServiceIsLost() {
        SnapshotBuilder b = clean();
        b.acknowledged.put("key-lost", List.of("ghost"));
        assertThat(kinds(b)).containsExactly(Kind.LOST_ORDER);
    }

    @Test
    void oneKeyTwoOrdersIsADuplicateOrder() {
        SnapshotBuilder b = clean();
        b.acknowledged.put("key-shipped", List.of("shipped", "rejected"));
        assertThat(kinds(b)).containsExactly(Kind.DUPLICATE_ORDER);
    }

    @Test
    void orderStillRunningIsAStuckSaga() {
        SnapshotBuilder b = clean();
        b.order("running", "PAID", List.of("PLACED", "RESERVED", "PAID"), 0);
        b.charges.add(new Snapshot.Charge("ch5", "order-running-capture", "running", TOTAL, true, BigDecimal.ZERO));
        assertThat(kinds(b)).containsExactly(Kind.STUCK_SAGA);
    }

    @Test
    void historyGoingBackwardsIsAnIllegalTransition() {
        SnapshotBuilder b = clean();
        b.order("cancelled", "CANCELLED", List.of("PLACED", "RESERVED", "PLACED", "RESERVED", "CANCELLED"), 0);
        assertThat(kinds(b)).containsExactly(Kind.ILLEGAL_TRANSITION);
    }

    @Test
    void unitsThatVanishedAreStockDrift() {
        SnapshotBuilder b = clean();
        b.stockAfter.put("A", new Snapshot.Stock(7, 0, 2));
        assertThat(kinds(b)).containsExactly(Kind.STOCK_DRIFT);
    }

    @Test
    void unitsLeftReservedAreStockDrift() {
        SnapshotBuilder b = clean();
        b.stockAfter.put("A", new Snapshot.Stock(7, 1, 2));
        assertThat(kinds(b)).containsExactly(Kind.STOCK_DRIFT);
    }

    @Test
    void restockedUnitsAreNotDrift() {
        SnapshotBuilder b = clean();
        b.stockAfter.put("A", new Snapshot.Stock(13, 0, 2));
        b.restocked.put("A", 5);
        assertThat(kinds(b)).isEmpty();
    }

    @Test
    void negativeStockIsNamed() {
        SnapshotBuilder b = clean();
        b.stockBefore.put("B", new Snapshot.Stock(0, 0, 0));
        b.stockAfter.put("B", new Snapshot.Stock(-1, 1, 0)); // an oversold unit still reserved
        assertThat(kinds(b)).contains(Kind.NEGATIVE_STOCK);
    }

    @Test
    void cancelledOrderWithAShipmentShippedAfterCancel() {
        SnapshotBuilder b = clean();
        b.shipments.put("cancelled", 1);
        assertThat(kinds(b)).containsExactly(Kind.SHIPPED_AFTER_CANCEL);
    }

    @Test
    void shippedOrderWithoutShipmentOrWithTwo() {
        SnapshotBuilder missing = clean();
        missing.shipments.remove("shipped");
        assertThat(kinds(missing)).containsExactly(Kind.MISSING_SHIPMENT);

        SnapshotBuilder twice = clean();
        twice.shipments.put("shipped", 2);
        assertThat(kinds(twice)).containsExactly(Kind.DUPLICATE_SHIPMENT);
    }

    @Test
    void eventLeftInTheOutboxIsUnpublished() {
        SnapshotBuilder b = clean();
        b.unpublished.put("payment-service", 2L);
        assertThat(kinds(b)).containsExactly(Kind.UNPUBLISHED_EVENT);
    }

    @Test
    void deadLetterNobodyInjectedIsUnaccounted() {
        SnapshotBuilder b = clean();
        b.deadLetters.add(new Snapshot.DeadLetter("shipping.events.dlq", "e-1", "cancelled", "ShipmentScheduled.v1", "contradicts the order"));
        assertThat(kinds(b)).containsExactly(Kind.UNACCOUNTED_DEAD_LETTER);
    }

    private static List<Kind> kinds(SnapshotBuilder b) {
        return InvariantChecker.check(b.build()).stream().map(Anomaly::kind).toList();
    }
}
