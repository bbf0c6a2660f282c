package dev.orderflow.sandbox.lab;

import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.sandbox.platform.RunningPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

/**
 * {@code outbox}: order-service crashes right after the order's transaction commits, before anything
 * is published (fault point {@code after-commit-before-publish}). With the dual write the event
 * existed only in memory: the order stays {@code PLACED} and the saga never starts. With the outbox
 * the event was committed with the order; the relay publishes it after the restart.
 */
final class OutboxLab implements Lab {
    static final String SERVICE = "order-service";
    static final String DUAL_WRITE = "orderflow.messaging.naive.dual-write";
    static final String CRASH_AFTER_COMMIT = "orderflow.messaging.faults.after-commit-before-publish";
    /**
     * A halted consumer never leaves its group: its restart gets partitions only when the session
     * timeout (Kafka's default 45 s) expires. 10 s in both halves, so the saga after the crash
     * resumes sooner; the same path, less waiting.
     */
    static final Map<String, String> SHORT_SESSION = Map.of("mp.messaging.connector.smallrye-kafka.session.timeout.ms", "10000");
    /** shared-messaging's FaultPoints.HALT_STATUS: the armed process halted at the point. */
    static final int HALT_STATUS = 86;
    private static final Duration SAGA_BOUND = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public String summary() {
        return "dual write vs outbox under a crash between the commit and the publish";
    }

    @Override
    public LabResult run(LabBench bench, long seed) throws InterruptedException {
        RunningPlatform platform = bench.platform();
        bench.step("%s restarts with the outbox OFF (dual write) and a crash armed between commit and publish", SERVICE);
        platform.restart(SERVICE, with(Map.of(DUAL_WRITE, "true", CRASH_AFTER_COMMIT, "halt")));
        Crash naive = placeAndCrash(bench, "lab-outbox-naive-" + seed, seed);

        bench.step("%s restarts with the outbox ON and the same crash armed", SERVICE);
        platform.restart(SERVICE, with(Map.of(CRASH_AFTER_COMMIT, "halt")));
        Crash pattern = placeAndCrash(bench, "lab-outbox-pattern-" + seed, seed + 1);
        bench.step("%s restarts normally: its relay finds what was committed and not yet published", SERVICE);
        platform.restart(SERVICE, SHORT_SESSION);
        String naiveOrder = bench.orderOfCustomer(naive.customer()).orElse(null);
        String patternOrder = bench.orderOfCustomer(pattern.customer()).orElse(null);

        long begin = System.nanoTime();
        List<String> running = patternOrder == null ? List.of() : bench.awaitTerminal(List.of(patternOrder), SAGA_BOUND);
        long sagaSeconds = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        // The naive order had the same time and more to get going; its status now is its final one.
        String naiveStatus = naiveOrder == null ? "not stored" : bench.status(naiveOrder);
        String patternStatus = patternOrder == null ? "not stored" : bench.status(patternOrder);
        int naivePublished = published(bench, naiveOrder);
        int patternPublished = published(bench, patternOrder);

        boolean damageShown = naive.halted() && naiveOrder != null && "PLACED".equals(naiveStatus) && naivePublished == 0;
        boolean prevented = pattern.halted() && patternOrder != null && running.isEmpty() && patternPublished == 1;
        return new LabResult(name(),
                new LabResult.Half("without the outbox (dual write):", List.of(
                        "order " + naiveOrder + " committed, then " + SERVICE + " " + naive.exit()
                                + " before publishing OrderPlaced",
                        "after the restart: " + naivePublished + " OrderPlaced for it on " + Topics.ORDERS
                                + ", order still " + naiveStatus + " - the event is lost, the saga never started")),
                new LabResult.Half("with the outbox:", List.of(
                        "order " + patternOrder + " committed with its outbox row, then " + SERVICE + " "
                                + pattern.exit() + " at the same point",
                        "after the restart the relay published it: " + patternPublished + " OrderPlaced on " + Topics.ORDERS
                                + ", order " + patternStatus + (running.isEmpty() ? " within " + sagaSeconds + " s" : " (still running after "
                                + SAGA_BOUND.toSeconds() + " s)"))),
                damageShown, prevented);
    }

    private static Map<String, String> with(Map<String, String> config) {
        Map<String, String> all = new java.util.LinkedHashMap<>(SHORT_SESSION);
        all.putAll(config);
        return all;
    }

    /** What one armed placement did: the customer it placed for, and how the service ended. */
    private record Crash(String customer, OptionalInt exitStatus) {
        boolean halted() {
            return exitStatus.isPresent() && exitStatus.getAsInt() == HALT_STATUS;
        }

        String exit() {
            return halted() ? "halted (exit " + HALT_STATUS + ")"
                    : exitStatus.isPresent() ? "exited with " + exitStatus.getAsInt() + " (not the fault point)" : "did NOT crash";
        }
    }

    private static Crash placeAndCrash(LabBench bench, String customer, long seed) {
        try {
            bench.placeHappyOrder(customer, new Random(seed));
        } catch (IllegalStateException noAnswer) {
            // Expected: the service halts before it answers.
        }
        OptionalInt exit = bench.platform().process(SERVICE).awaitExit(Duration.ofSeconds(30));
        return new Crash(customer, exit);
    }

    /** How many OrderPlaced events for this order are on the topic. */
    private static int published(LabBench bench, String orderId) {
        if (orderId == null) {
            return 0;
        }
        return (int) bench.events().readUntilQuiet(List.of(Topics.ORDERS), orderId, Duration.ofSeconds(2), Duration.ofSeconds(4))
                .stream().filter(e -> EventTypes.ORDER_PLACED_V1.equals(e.header("ce_type"))).count();
    }
}
