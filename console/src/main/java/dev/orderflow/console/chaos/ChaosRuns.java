package dev.orderflow.console.chaos;

import dev.orderflow.console.cli.OrderflowCli;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Chaos runs from the Break-it page: `orderflow chaos` as a child process ({@link OrderflowCli}), on a
 * fresh three-broker platform of its own, with the CLI's own runner, nemesis and checker.
 */
@ApplicationScoped
public class ChaosRuns {
    public static final Set<String> SCENARIOS = Set.of("all", "duplicate-delivery", "reorder-delay", "consumer-crash",
            "relay-crash", "service-kill", "broker-kill", "db-cut", "consumer-pause", "poison", "incompatible-schema",
            "provider-charge-timeout");
    private static final Pattern MODE = Pattern.compile("patterns|naive");
    private final OrderflowCli cli;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<ChaosRun> runs = new ArrayList<>();

    ChaosRuns(OrderflowCli cli) {
        this.cli = cli;
    }

    /** What the form asks for; checked here, as the CLI would (it gets nothing it would refuse). */
    public record Request(String scenario, int orders, long seed, String mode, int durationSeconds) {
        public Request {
            if (!SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException("unknown scenario " + scenario);
            }
            if (orders < 1 || orders > 5000) {
                throw new IllegalArgumentException("orders must be 1 to 5000");
            }
            if (!MODE.matcher(mode).matches()) {
                throw new IllegalArgumentException("mode must be patterns or naive");
            }
            if (durationSeconds < 10 || durationSeconds > 3600) {
                throw new IllegalArgumentException("duration must be 10 to 3600 seconds");
            }
        }
    }

    public synchronized Optional<ChaosRun> latest() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getLast());
    }

    public synchronized ChaosRun start(Request request) {
        List<String> arguments = List.of("chaos", "--scenario", request.scenario(), "--orders", String.valueOf(request.orders()),
                "--seed", String.valueOf(request.seed()), "--mode", request.mode(), "--duration", request.durationSeconds() + "s",
                // Short runs from the page: settle as long as the run lasted, at least a minute.
                "--settle", Math.max(60, request.durationSeconds()) + "s");
        ChaosRun run = new ChaosRun(cli.start("chaos", "run-" + counter.incrementAndGet(), arguments));
        runs.add(run);
        return run;
    }
}
