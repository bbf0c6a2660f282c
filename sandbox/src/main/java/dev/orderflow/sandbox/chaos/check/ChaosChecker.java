package dev.orderflow.sandbox.chaos.check;

import dev.orderflow.sandbox.chaos.history.History;
import dev.orderflow.sandbox.chaos.history.HistoryEntry;
import dev.orderflow.sandbox.chaos.history.HistoryEntry.Type;
import dev.orderflow.sandbox.check.Anomaly;
import dev.orderflow.sandbox.check.Anomaly.Kind;
import dev.orderflow.sandbox.check.InvariantChecker;
import dev.orderflow.sandbox.check.Snapshot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a chaos run: a pure function of the history and the final snapshot. An operation whose
 * outcome is unknown may have happened or not; an acknowledged one must have happened; a refused
 * one must not have.
 */
public final class ChaosChecker {
    static final String PLACE = "place";

    private ChaosChecker() {}

    /**
     * @param history what the clients and the nemesis did
     * @param snapshot the final state; its orders must include every order order-service knows for the run
     * @param keyOfOrder order id → the idempotency key it was created for, for every order in the snapshot
     * @param injectedDeadLetters event ids of the poison records the run injected: the only records
     *     allowed on the dead-letter topics, and each must be there
     * @param stillMoving orders not terminal when the wait for quiescence ended, and still changing
     */
    public static Verdict check(History history, Snapshot snapshot, Map<String, String> keyOfOrder,
            Set<String> injectedDeadLetters, Set<String> stillMoving) {
        return check(history, snapshot, keyOfOrder, injectedDeadLetters, stillMoving, Map.of());
    }

    /**
     * Damage that events still waiting to be consumed could yet repair (a reservation not committed
     * yet, a refund not made yet): with a backlog left, it is undecided rather than an anomaly.
     * Double charges, duplicate shipments, illegal transitions and the like cannot be undone by
     * applying more events, so they stay anomalies whatever the backlog.
     */
    static final Set<Kind> PENDING_EVENTS_COULD_REPAIR = EnumSet.of(Kind.STUCK_SAGA, Kind.STOCK_DRIFT, Kind.CHARGE_MISMATCH,
            Kind.MISSING_SHIPMENT, Kind.UNPUBLISHED_EVENT, Kind.MISSING_DEAD_LETTER);

    /**
     * @param unconsumed consumer group → records published but not consumed when the snapshot was
     *     read, for groups still behind (empty: every event had been handled)
     */
    public static Verdict check(History history, Snapshot snapshot, Map<String, String> keyOfOrder,
            Set<String> injectedDeadLetters, Set<String> stillMoving, Map<String, Long> unconsumed) {
        return check(history, snapshot, keyOfOrder, injectedDeadLetters, stillMoving, unconsumed, List.of());
    }

    /**
     * @param unplannedDeaths evidence of platform processes that died in a way no fault planned (an
     *     exit status other than the fault's own, a JVM crash log, an OutOfMemoryError): each is an
     *     anomaly, for a platform that crashes by itself is not healthy whatever the data says
     */
    public static Verdict check(History history, Snapshot snapshot, Map<String, String> keyOfOrder,
            Set<String> injectedDeadLetters, Set<String> stillMoving, Map<String, Long> unconsumed,
            List<String> unplannedDeaths) {
        Map<String, List<String>> acknowledged = acknowledgedOf(history);
        Snapshot judged = new Snapshot(acknowledged, snapshot.orders(), snapshot.stockBefore(), snapshot.stockAfter(),
                snapshot.restocked(), snapshot.charges(), snapshot.shipmentsPerOrder(), snapshot.unpublishedEvents(),
                snapshot.deadLetters()).withoutDeadLetters(injectedDeadLetters);
        List<Anomaly> anomalies = new ArrayList<>();
        for (Anomaly anomaly : InvariantChecker.check(judged)) {
            // An order still moving when time ran out is not known to be stuck: that is "unknown", not a violation.
            boolean undecided = anomaly.kind() == Kind.STUCK_SAGA && stillMoving.containsAll(anomaly.orderIds());
            if (!undecided) {
                anomalies.add(anomaly);
            }
        }
        anomalies.addAll(phantomOrders(history, keyOfOrder));
        Set<String> deadLettered = new HashSet<>();
        snapshot.deadLetters().forEach(letter -> deadLettered.add(letter.eventId()));
        injectedDeadLetters.stream().filter(id -> !deadLettered.contains(id)).sorted().forEach(id -> anomalies.add(
                new Anomaly(Kind.MISSING_DEAD_LETTER, List.of(), "poison record " + id + " is on no dead-letter topic")));

        unplannedDeaths.forEach(evidence -> anomalies.add(new Anomaly(Kind.UNPLANNED_PROCESS_DEATH, List.of(), evidence)));

        if (!unconsumed.isEmpty()) {
            anomalies.removeIf(anomaly -> PENDING_EVENTS_COULD_REPAIR.contains(anomaly.kind()));
        }
        if (!anomalies.isEmpty()) {
            return new Verdict(Verdict.Result.INVALID, anomalies, anomalies.size() + " anomalies");
        }
        if (!unconsumed.isEmpty()) {
            return new Verdict(Verdict.Result.UNKNOWN, List.of(), "consumers were still behind when the wait for quiescence"
                    + " ended (records not consumed per group: " + unconsumed + ")");
        }
        if (!stillMoving.isEmpty()) {
            return new Verdict(Verdict.Result.UNKNOWN, List.of(), stillMoving.size()
                    + " orders were still changing state when the wait for quiescence ended: " + first(stillMoving));
        }
        return new Verdict(Verdict.Result.VALID, List.of(), "every invariant holds");
    }

    /** Idempotency key → every order id a 2xx answer returned for it (a key with unknown outcomes only maps to nothing). */
    public static Map<String, List<String>> acknowledgedOf(History history) {
        Map<String, List<String>> acknowledged = new LinkedHashMap<>();
        for (HistoryEntry entry : history.entries()) {
            if (PLACE.equals(entry.op()) && entry.type() == Type.OK) {
                acknowledged.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry.orderId());
            }
        }
        return acknowledged;
    }

    /** Orders that exist although every request for their key was refused, or none was made. */
    private static List<Anomaly> phantomOrders(History history, Map<String, String> keyOfOrder) {
        Map<String, Set<Type>> outcomes = new LinkedHashMap<>();
        for (HistoryEntry entry : history.entries()) {
            if (PLACE.equals(entry.op()) && entry.isClientOutcome()) {
                outcomes.computeIfAbsent(entry.key(), k -> new LinkedHashSet<>()).add(entry.type());
            }
        }
        List<Anomaly> phantoms = new ArrayList<>();
        keyOfOrder.forEach((orderId, key) -> {
            Set<Type> seen = outcomes.getOrDefault(key, Set.of());
            if (!seen.contains(Type.OK) && !seen.contains(Type.UNKNOWN)) {
                phantoms.add(new Anomaly(Kind.PHANTOM_ORDER, List.of(orderId), seen.isEmpty()
                        ? "no request was made for key " + key
                        : "every request for key " + key + " was refused, yet the order exists"));
            }
        });
        return phantoms;
    }

    private static String first(Set<String> ids) {
        return ids.stream().limit(5).toList() + (ids.size() > 5 ? " …" : "");
    }
}
