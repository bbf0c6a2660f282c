package dev.orderflow.sandbox.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.chaos.history.History;
import dev.orderflow.sandbox.chaos.history.HistoryEntry;
import dev.orderflow.sandbox.chaos.history.HistoryEntry.Type;
import dev.orderflow.sandbox.check.Anomaly;
import dev.orderflow.sandbox.check.Anomaly.Kind;
import dev.orderflow.sandbox.check.Snapshot;
import dev.orderflow.sandbox.check.SnapshotBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The chaos checker on hand-made histories and snapshots: a clean run is valid, each kind of
 * damage is named, unknown outcomes count as "may have happened", and an unsettled run is unknown.
 */
class ChaosCheckerTest {
    private static final BigDecimal TOTAL = SnapshotBuilder.TOTAL;

    /** Three orders placed (one after a timeout and a retry), one cancelled, with a fault in between. */
    private static final class Run {
        final List<HistoryEntry> history = new ArrayList<>();
        final SnapshotBuilder snapshot = new SnapshotBuilder();
        final Map<String, String> keyOfOrder = new HashMap<>();
        final Set<String> poison = new java.util.HashSet<>();
        final Set<String> stillMoving = new java.util.HashSet<>();
        final List<String> unplannedDeaths = new ArrayList<>();
        long clock;

        Run() {
            place("shipped", "SHIPPED", List.of("PLACED", "RESERVED", "PAID", "SHIPPED"), 2, Type.OK);
            fault("db-cut", "postgres");
            place("rejected", "REJECTED", List.of("PLACED", "REJECTED"), 0, Type.OK);
            place("cancelled", "CANCELLED", List.of("PLACED", "RESERVED", "PAID", "CANCELLED"), 0, Type.OK);
            entry("client-1", Type.INVOKE, "cancel", "key-cancelled", "cancelled", null);
            entry("client-1", Type.OK, "cancel", "key-cancelled", "cancelled", "202");
            snapshot.charges.add(new Snapshot.Charge("ch1", "order-shipped-capture", "shipped", TOTAL, true, BigDecimal.ZERO));
            snapshot.charges.add(new Snapshot.Charge("ch2", "order-cancelled-capture", "cancelled", TOTAL, true, TOTAL));
            snapshot.shipments.put("shipped", 1);
            snapshot.stockBefore.put("A", new Snapshot.Stock(10, 0, 0));
            snapshot.stockAfter.put("A", new Snapshot.Stock(8, 0, 2));
        }

        void place(String id, String status, List<String> states, int units, Type outcome) {
            String key = "key-" + id;
            entry("client-1", Type.INVOKE, "place", key, null, null);
            entry("client-1", outcome, "place", key, outcome == Type.OK ? id : null, outcome == Type.OK ? "201" : "timeout");
            snapshot.order(id, status, states, units);
            snapshot.acknowledged.clear(); // the checker takes acknowledgements from the history only
            keyOfOrder.put(id, key);
        }

        void fault(String scenario, String target) {
            entry("nemesis", Type.FAULT_START, scenario, target, null, null);
            entry("nemesis", Type.FAULT_STOP, scenario, target, null, "cut 3 connections");
        }

        void entry(String process, Type type, String op, String key, String orderId, String value) {
            history.add(new HistoryEntry(clock++, process, type, op, key, orderId, value));
        }

        Verdict check() {
            return ChaosChecker.check(History.of(history), snapshot.build(), keyOfOrder, poison, stillMoving, Map.of(),
                    unplannedDeaths);
        }
    }

    @Test
    void aCleanHistoryIsValid() {
        Verdict verdict = new Run().check();
        assertThat(verdict.result()).isEqualTo(Verdict.Result.VALID);
        assertThat(verdict.anomalies()).isEmpty();
    }

    @Test
    void orderWhoseCreationTimedOutMayExist() {
        Run run = new Run();
        run.place("late", "REJECTED", List.of("PLACED", "REJECTED"), 0, Type.UNKNOWN);
        assertThat(run.check().result()).isEqualTo(Verdict.Result.VALID);
    }

    @Test
    void orderWhoseCreationTimedOutMayAlsoNotExist() {
        Run run = new Run();
        run.entry("client-2", Type.INVOKE, "place", "key-never", null, null);
        run.entry("client-2", Type.UNKNOWN, "place", "key-never", null, "connection reset");
        assertThat(run.check().result()).isEqualTo(Verdict.Result.VALID);
    }

    @Test
    void acknowledgedOrderThatIsGoneIsLost() {
        Run run = new Run();
        run.snapshot.orders.remove("rejected");
        run.keyOfOrder.remove("rejected");
        assertThat(kinds(run)).containsExactly(Kind.LOST_ORDER);
    }

    @Test
    void orderCreatedAlthoughEveryRequestWasRefusedIsAPhantom() {
        Run run = new Run();
        run.place("refused", "REJECTED", List.of("PLACED", "REJECTED"), 0, Type.FAIL);
        assertThat(kinds(run)).containsExactly(Kind.PHANTOM_ORDER);
    }

    @Test
    void injectedPoisonOnTheDeadLetterTopicIsAccountedFor() {
        Run run = new Run();
        run.poison.add("poison-1");
        run.snapshot.deadLetters.add(new Snapshot.DeadLetter("orders.events.dlq", "poison-1", null, "dev.orderflow.order.OrderPlaced.v1", "undecodable"));
        assertThat(run.check().result()).isEqualTo(Verdict.Result.VALID);
    }

    @Test
    void injectedPoisonThatNeverReachedADeadLetterTopicIsMissing() {
        Run run = new Run();
        run.poison.add("poison-1");
        assertThat(kinds(run)).containsExactly(Kind.MISSING_DEAD_LETTER);
    }

    @Test
    void anOrderStillMovingWhenTimeRanOutMakesTheVerdictUnknown() {
        Run run = new Run();
        run.place("slow", "PAID", List.of("PLACED", "RESERVED", "PAID"), 0, Type.OK);
        run.snapshot.charges.add(new Snapshot.Charge("ch3", "order-slow-capture", "slow", TOTAL, true, BigDecimal.ZERO));
        run.stillMoving.add("slow");
        Verdict verdict = run.check();
        assertThat(verdict.result()).isEqualTo(Verdict.Result.UNKNOWN);
        assertThat(verdict.reason()).contains("slow");
    }

    @Test
    void stockNotYetCommittedWhileEventsWaitToBeConsumedIsUnknownNotDrift() {
        Run run = new Run();
        run.snapshot.stockAfter.put("A", new Snapshot.Stock(8, 2, 0)); // the shipped order's units still reserved
        Map<String, Long> behind = Map.of("inventory-service", 3L);

        Verdict waiting = ChaosChecker.check(History.of(run.history), run.snapshot.build(), run.keyOfOrder, run.poison,
                run.stillMoving, behind);
        Verdict settled = ChaosChecker.check(History.of(run.history), run.snapshot.build(), run.keyOfOrder, run.poison,
                run.stillMoving, Map.of());

        assertThat(waiting.result()).isEqualTo(Verdict.Result.UNKNOWN);
        assertThat(waiting.reason()).contains("inventory-service=3");
        assertThat(settled.result()).isEqualTo(Verdict.Result.INVALID);
        assertThat(settled.anomalies()).extracting(Anomaly::kind).contains(Kind.STOCK_DRIFT);
    }

    @Test
    void aProcessThatDiedAsNoFaultPlannedMakesAnOtherwiseCleanRunInvalidWithItsEvidence() {
        Run run = new Run();
        String crash = "JVM crash log work/order-service/hs_err_pid4242.log: #  SIGSEGV (0xb) at pc=0x00007f";

        Verdict clean = ChaosChecker.check(History.of(run.history), run.snapshot.build(), run.keyOfOrder, run.poison,
                run.stillMoving, Map.of(), List.of());
        Verdict crashed = ChaosChecker.check(History.of(run.history), run.snapshot.build(), run.keyOfOrder, run.poison,
                run.stillMoving, Map.of(), List.of(crash));
        Verdict crashedWhileBehind = ChaosChecker.check(History.of(run.history), run.snapshot.build(), run.keyOfOrder,
                run.poison, run.stillMoving, Map.of("payment-service", 1L), List.of(crash));

        assertThat(clean.result()).isEqualTo(Verdict.Result.VALID);
        assertThat(crashed.result()).isEqualTo(Verdict.Result.INVALID);
        assertThat(crashed.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(Kind.UNPLANNED_PROCESS_DEATH);
            assertThat(anomaly.evidence()).isEqualTo(crash);
        });
        assertThat(crashedWhileBehind.result()).isEqualTo(Verdict.Result.INVALID); // events still to consume cannot undo a crash
    }

    @Test
    void aDoubleChargeIsAnAnomalyWhateverEventsAreStillWaiting() {
        Run run = new Run();
        run.snapshot.charges.add(new Snapshot.Charge("ch3", "order-shipped-capture-2", "shipped", TOTAL, true, BigDecimal.ZERO));

        Verdict verdict = ChaosChecker.check(History.of(run.history), run.snapshot.build(), run.keyOfOrder, run.poison,
                run.stillMoving, Map.of("payment-service", 1L));

        assertThat(verdict.result()).isEqualTo(Verdict.Result.INVALID);
        assertThat(verdict.anomalies()).extracting(Anomaly::kind).contains(Kind.DOUBLE_CHARGE);
    }

    @Test
    void anOrderThatStoppedMovingIsStuck() {
        Run run = new Run();
        run.place("stuck", "PAID", List.of("PLACED", "RESERVED", "PAID"), 0, Type.OK);
        run.snapshot.charges.add(new Snapshot.Charge("ch3", "order-stuck-capture", "stuck", TOTAL, true, BigDecimal.ZERO));
        Verdict verdict = run.check();
        assertThat(verdict.result()).isEqualTo(Verdict.Result.INVALID);
        assertThat(kinds(verdict)).containsExactly(Kind.STUCK_SAGA);
    }

    /** Every invariant's damage, done to a clean run, is named by its kind. */
    @Test
    void everyKindOfDamageIsNamed() {
        Map<Kind, Consumer<Run>> damage = new java.util.EnumMap<>(Kind.class);
        damage.put(Kind.LOST_ORDER, r -> { r.snapshot.orders.remove("rejected"); r.keyOfOrder.remove("rejected"); });
        damage.put(Kind.DUPLICATE_ORDER, r -> {
            r.entry("client-3", Type.OK, "place", "key-shipped", "other", "201");
            r.snapshot.orders.put("other", new Snapshot.Order("other", "REJECTED", TOTAL, Map.of("A", 1), List.of("PLACED", "REJECTED"), null, null));
            r.keyOfOrder.put("other", "key-shipped");
        });
        damage.put(Kind.STUCK_SAGA, r -> r.snapshot.order("rejected", "PLACED", List.of("PLACED"), 0));
        damage.put(Kind.ILLEGAL_TRANSITION, r -> r.snapshot.order("rejected", "REJECTED", List.of("PLACED", "RESERVED", "REJECTED"), 0));
        damage.put(Kind.STOCK_DRIFT, r -> r.snapshot.stockAfter.put("A", new Snapshot.Stock(7, 0, 2)));
        damage.put(Kind.NEGATIVE_STOCK, r -> {
            r.snapshot.stockBefore.put("B", new Snapshot.Stock(0, 0, 0));
            r.snapshot.stockAfter.put("B", new Snapshot.Stock(-1, 1, 0));
        });
        damage.put(Kind.DOUBLE_CHARGE, r -> r.snapshot.charges.add(
                new Snapshot.Charge("ch9", "order-shipped-capture", "shipped", TOTAL, true, BigDecimal.ZERO)));
        damage.put(Kind.CHARGE_MISMATCH, r -> r.snapshot.charges.set(1,
                new Snapshot.Charge("ch2", "order-cancelled-capture", "cancelled", TOTAL, true, BigDecimal.ZERO)));
        damage.put(Kind.DUPLICATE_SHIPMENT, r -> r.snapshot.shipments.put("shipped", 2));
        damage.put(Kind.MISSING_SHIPMENT, r -> r.snapshot.shipments.remove("shipped"));
        damage.put(Kind.SHIPPED_AFTER_CANCEL, r -> r.snapshot.shipments.put("cancelled", 1));
        damage.put(Kind.UNPUBLISHED_EVENT, r -> r.snapshot.unpublished.put("payment-service", 1L));
        damage.put(Kind.UNACCOUNTED_DEAD_LETTER, r -> r.snapshot.deadLetters.add(
                new Snapshot.DeadLetter("payments.events.dlq", "e-7", "shipped", "dev.orderflow.payment.PaymentCaptured.v1", "stale")));
        damage.put(Kind.MISSING_DEAD_LETTER, r -> r.poison.add("poison-9"));
        damage.put(Kind.PHANTOM_ORDER, r -> r.place("refused", "REJECTED", List.of("PLACED", "REJECTED"), 0, Type.FAIL));
        damage.put(Kind.UNPLANNED_PROCESS_DEATH, r -> r.unplannedDeaths.add("payment-service exited with status 134 (the fault planned exit 86)"));
        assertThat(damage.keySet()).as("every anomaly kind has a case").isEqualTo(EnumSet.allOf(Kind.class));

        damage.forEach((kind, harm) -> {
            Run run = new Run();
            harm.accept(run);
            Verdict verdict = run.check();
            assertThat(verdict.result()).as(kind.name()).isEqualTo(Verdict.Result.INVALID);
            assertThat(kinds(verdict)).as(kind.name()).contains(kind);
        });
    }

    private static List<Kind> kinds(Run run) {
        return kinds(run.check());
    }

    private static List<Kind> kinds(Verdict verdict) {
        return verdict.anomalies().stream().map(Anomaly::kind).toList();
    }
}
