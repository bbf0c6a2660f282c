package dev.orderflow.sandbox.chaos;

import dev.orderflow.sandbox.chaos.FaultSchedule.ScheduledFault;
import dev.orderflow.sandbox.chaos.check.ChaosChecker;
import dev.orderflow.sandbox.chaos.check.Verdict;
import dev.orderflow.sandbox.chaos.fault.ChaosPlatform;
import dev.orderflow.sandbox.chaos.fault.Fault;
import dev.orderflow.sandbox.chaos.fault.FaultType;
import dev.orderflow.sandbox.chaos.history.History;
import dev.orderflow.sandbox.chaos.history.HistoryEntry.Type;
import dev.orderflow.sandbox.chaos.report.ChaosReport;
import dev.orderflow.sandbox.check.InvariantChecker;
import dev.orderflow.sandbox.check.Snapshot;
import dev.orderflow.sandbox.check.SnapshotReader;
import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.platform.PlatformLayout;
import dev.orderflow.sandbox.workload.SagaWorkload;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One chaos run, Jepsen style: the workload and a seeded fault schedule run together against the
 * chaos platform, every fault is healed, the run waits for quiescence, reads the final state and
 * hands history + snapshot to the checker.
 */
public final class ChaosRunner {
    private static final String NEMESIS = "nemesis";
    // One per target at most (four services, the provider, delivery, topics, the registry): a worker
    // waiting for its busy target's lock must not hold back a fault on another target. Measured: with
    // three, a chain of three charge timeouts on the provider kept a relay crash 200 s past its slot.
    private static final int NEMESIS_WORKERS = 8;
    /** Faults that affect every service at once. */
    private static final Set<FaultType> PLATFORM_WIDE = EnumSet.of(FaultType.DB_CUT, FaultType.BROKER_KILL);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** No order changed state for this long: the platform has settled. */
    private static final Duration QUIET = Duration.ofSeconds(60);
    /** Between two reads of the consumer groups' offsets (services commit offsets every 5 s, after processing). */
    private static final Duration CAUGHT_UP_POLL = Duration.ofSeconds(3);

    private final PlatformLayout layout;
    private final ChaosOptions options;
    private final PrintStream out;

    public ChaosRunner(PlatformLayout layout, ChaosOptions options, PrintStream out) {
        this.layout = layout;
        this.options = options;
        this.out = out;
    }

    /** The outcome of a run: the verdict and where the history and report were written. */
    public record Outcome(Verdict verdict, ChaosReport report) {}

    public Outcome run() throws InterruptedException {
        List<SagaWorkload.PlannedOrder> plan = SagaWorkload.plan(options.orders(), options.seed());
        List<ScheduledFault> schedule = FaultSchedule.plan(options.types(), options.faults(), options.seed(),
                options.duration().toMillis());
        out.printf("chaos: %d orders, %d faults (%s), seed %d, mode %s, over %d s%n", plan.size(), schedule.size(),
                options.types().size() == 1 ? options.types().get(0).scenario() : "all", options.seed(),
                options.mode().label(), options.duration().toSeconds());
        try (ChaosPlatform chaos = ChaosPlatform.start(layout, options.mode().serviceConfig(),
                        (component, detail, took) -> out.printf("  %-18s ready in %5.1f s  %s%n", component,
                                took.toMillis() / 1000.0, detail));
                // The history's clock starts once the platform is up: its timeline is the run, not the start-up.
                History history = History.startingNow(options.outDir().resolve("history.jsonl"))) {
            Instant startedAt = Instant.now();
            OrderflowClient client = new OrderflowClient(OrderflowClient.Endpoints.of(layout));
            SnapshotReader reader = new SnapshotReader(client, new EventReader(chaos.platform().infra().kafkaBootstrapServers()));
            Map<String, Snapshot.Stock> stockBefore = reader.stock();
            long workloadStart = history.now();

            Thread nemesis = Thread.ofPlatform().name("nemesis").start(() -> runSchedule(chaos, schedule, history, workloadStart));
            new ChaosWorkload(client, history, options.concurrency()).run(plan, options.duration().toMillis());
            out.printf("  workload done at %d s; waiting for the nemesis to finish its schedule%n", history.now() / 1000);
            nemesis.join();
            chaos.healAll();
            out.printf("  every fault healed at %d s; waiting for the orders to settle%n", history.now() / 1000);

            long settleDeadline = System.nanoTime() + options.settleTimeout().toNanos();
            Map<String, String> customers = reader.allOrders();
            Set<String> stillMoving = awaitQuiescence(reader, customers.keySet(), settleDeadline);
            Map<String, Long> unconsumed = awaitConsumersCaughtUp(chaos, settleDeadline);
            if (!unconsumed.isEmpty()) {
                out.printf("  consumers still behind when --settle ran out (records per group): %s%n", unconsumed);
            }
            Map<String, String> keyOfOrder = new LinkedHashMap<>();
            customers.forEach((orderId, customer) -> SagaWorkload.keyOfCustomer(customer)
                    .ifPresent(key -> keyOfOrder.put(orderId, key)));
            Snapshot snapshot = reader.read(ChaosChecker.acknowledgedOf(history), customers.keySet(), stockBefore, Map.of());
            Set<String> poison = new HashSet<>(chaos.poisonEventIds());
            Verdict verdict = ChaosChecker.check(history, snapshot, keyOfOrder, poison, stillMoving, unconsumed,
                    chaos.unplannedDeaths());
            ChaosReport report = ChaosReport.of(options, startedAt, history.entries(), snapshot, verdict);
            report.writeTo(options.outDir());
            return new Outcome(verdict, report);
        }
    }

    /**
     * Injects each scheduled fault at its moment, holds it, heals it. Faults overlap (a restart can
     * take half a minute; one at a time would not fit the schedule), but never two on the same
     * target, and a platform-wide fault (database cut, broker kill) never
     * overlaps a service restart: a service cannot start without its database.
     */
    private void runSchedule(ChaosPlatform chaos, List<ScheduledFault> schedule, History history, long start) {
        ExecutorService workers = Executors.newFixedThreadPool(NEMESIS_WORKERS, Thread.ofPlatform().name("nemesis-", 1).factory());
        ReadWriteLock platformWide = new ReentrantReadWriteLock(true);
        Map<String, Lock> targets = new ConcurrentHashMap<>();
        List<Future<?>> running = new ArrayList<>();
        try {
            for (ScheduledFault planned : schedule) {
                long wait = start + planned.atMillis() - history.now();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                Fault fault = chaos.fault(planned.type(), new Random(planned.seed()));
                Lock shared = PLATFORM_WIDE.contains(planned.type()) ? platformWide.writeLock() : platformWide.readLock();
                running.add(workers.submit(() -> {
                    Lock target = targets.computeIfAbsent(fault.target(), t -> new ReentrantLock(true));
                    target.lock();
                    shared.lock();
                    try {
                        inject(fault, planned, schedule.size(), history);
                    } finally {
                        shared.unlock();
                        target.unlock();
                    }
                }));
            }
            for (Future<?> fault : running) {
                fault.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            out.printf("  nemesis stopped: %s%n", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private void inject(Fault fault, ScheduledFault planned, int total, History history) {
        history.record(NEMESIS, Type.FAULT_START, planned.type().scenario(), fault.target(), null, null);
        out.printf("  %6.1f s  fault %2d/%d %-24s %s%n", history.now() / 1000.0, planned.index() + 1, total,
                planned.type().scenario(), fault.target());
        String outcome;
        try {
            try {
                fault.inject();
                Thread.sleep(planned.holdMillis());
            } finally {
                fault.heal();
            }
            outcome = fault.detail();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (RuntimeException e) {
            // A fault that cannot be injected or healed is part of the story, not the end of the run.
            outcome = "failed: " + e.getMessage();
            out.printf("  fault %s on %s failed: %s%n", planned.type().scenario(), fault.target(), e.getMessage());
        }
        history.record(NEMESIS, Type.FAULT_STOP, planned.type().scenario(), fault.target(), null, outcome);
    }

    /**
     * Waits, until the settle deadline, for every consumer group to have consumed everything on
     * two reads in a row (a relay may publish in between). Returns the groups still behind.
     */
    private Map<String, Long> awaitConsumersCaughtUp(ChaosPlatform chaos, long deadline) throws InterruptedException {
        int caughtUpInARow = 0;
        Map<String, Long> behind = Map.of();
        while (true) {
            try {
                behind = new LinkedHashMap<>(chaos.consumerLag());
                behind.values().removeIf(lag -> lag == 0);
            } catch (IllegalStateException unreadable) {
                behind = Map.of("offsets unreadable: " + unreadable.getMessage(), -1L);
            }
            caughtUpInARow = behind.isEmpty() ? caughtUpInARow + 1 : 0;
            if (caughtUpInARow >= 2 || System.nanoTime() > deadline) {
                return caughtUpInARow > 0 ? Map.of() : behind;
            }
            Thread.sleep(CAUGHT_UP_POLL.toMillis());
        }
    }

    /**
     * Waits until every order is terminal, or none changed state for {@link #QUIET}, or the settle
     * timeout passes. Returns the orders still changing at the end (unknown, not stuck).
     */
    private Set<String> awaitQuiescence(SnapshotReader reader, Set<String> orderIds, long deadline) throws InterruptedException {
        Map<String, String> status = new HashMap<>();
        Set<String> running = new LinkedHashSet<>(orderIds);
        long lastChange = System.nanoTime();
        while (!running.isEmpty()) {
            Map<String, String> now;
            try {
                now = reader.statuses();
            } catch (IllegalStateException unreachable) {
                now = null; // order-service restarting: no news this round
            }
            if (now != null) {
                for (String id : new ArrayList<>(running)) {
                    String current = now.getOrDefault(id, "GONE");
                    if (!current.equals(status.put(id, current))) {
                        lastChange = System.nanoTime();
                    }
                    if (InvariantChecker.TERMINAL.contains(current) || current.equals("GONE")) {
                        running.remove(id);
                    }
                }
            }
            if (running.isEmpty() || System.nanoTime() - lastChange > QUIET.toNanos()) {
                return Set.of();
            }
            if (System.nanoTime() > deadline) {
                return running;
            }
            Thread.sleep(POLL.toMillis());
        }
        return Set.of();
    }
}
