package dev.orderflow.console.learn;

import dev.orderflow.console.cli.OrderflowCli;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Labs from the Learn page: `orderflow lab <pattern>` as a child process ({@link OrderflowCli}), on a
 * fresh platform of its own, never on the platform the console watches (a lab restarts services and
 * switches patterns off).
 */
@ApplicationScoped
public class LabRuns {
    /** The CLI's labs (sandbox Lab.all(), kept equal by LabRunsTest); the inbox has none, its card says why. */
    public static final Set<String> LABS = Set.of("outbox", "ordering", "idempotency-key", "poison", "schema", "trace");
    private final OrderflowCli cli;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<LabRun> runs = new ArrayList<>();

    LabRuns(OrderflowCli cli) {
        this.cli = cli;
    }

    public synchronized Optional<LabRun> latest() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getLast());
    }

    public synchronized LabRun start(String pattern, long seed) {
        if (!LABS.contains(pattern)) {
            throw new IllegalArgumentException("no lab " + pattern);
        }
        List<String> arguments = List.of("lab", pattern, "--seed", String.valueOf(seed));
        LabRun run = new LabRun(pattern, cli.start("lab", "lab-" + counter.incrementAndGet(), arguments));
        runs.add(run);
        return run;
    }
}
