package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.chaos.ChaosOptions;
import dev.orderflow.sandbox.chaos.ChaosRunner;
import dev.orderflow.sandbox.chaos.fault.FaultType;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "chaos", mixinStandardHelpOptions = true,
        header = "Inject seeded faults into a fresh platform, heal them, and check every invariant.",
        description = {"Runs orders through a fresh platform (3 Kafka brokers when the scenario kills brokers, else 1) while a seeded schedule injects faults, "
            + "heals them, waits until the platform settles, then checks every invariant against the history "
            + "and the final state. The same seed gives the same workload and fault schedule.",
            "Scenarios: all, duplicate-delivery, reorder-delay, consumer-crash, relay-crash, service-kill, "
            + "broker-kill, db-cut, consumer-pause, poison, incompatible-schema, provider-charge-timeout."},
        exitCodeList = {ExitCodes.VALID_LINE, ExitCodes.INVALID_LINE, ExitCodes.USAGE_LINE, ExitCodes.UNKNOWN_LINE,
            ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow chaos --scenario all --orders 200 --seed 7 --duration 150s",
            "  ./orderflow chaos --orders 200 --seed 7 --duration 150s --mode naive",
            "  ./orderflow chaos --scenario db-cut --orders 200"})
class ChaosCommand implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = "all", description = "A fault type, or all to mix them (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--orders", defaultValue = "300", description = "Orders to place (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds the workload and the fault schedule: same seed, same run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", converter = DurationConverter.class, description = "How long the workload and the faults last, e.g. 90s or 3m (default: about one second per ten orders, at least 60s).")
    Duration duration;

    @Option(names = "--mode", defaultValue = "patterns", description = "patterns, or naive: the same run with the outbox, the inbox, the sequence checks and the payment "
            + "idempotency key switched off (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--faults", description = "How many faults to inject (default: 22 for all, 3 for one scenario).")
    Integer faults;

    @Option(names = "--concurrency", defaultValue = "16", description = "Clients placing orders at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--settle", converter = DurationConverter.class, description = "How long to wait after healing for every order to end and every consumer to catch up (default: 3m, or one second per five orders when that is longer).")
    Duration settle;

    @Option(names = "--out", description = "Directory for the run's history, report and summary (default: chaos-runs/<scenario>-<mode>-seed<S> "
            + "next to the state directory).")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        if (orders < 1) {
            throw new IllegalArgumentException("--orders must be at least 1");
        }
        List<FaultType> types = ChaosOptions.scenario(scenario);
        ChaosOptions.Mode runMode = ChaosOptions.Mode.parse(mode);
        Duration runFor = duration != null ? duration : Duration.ofSeconds(Math.max(60, orders / 10));
        int faultCount = faults != null ? faults : ChaosOptions.defaultFaults(types);
        // A 2000-order run still had ~4 min of sagas to finish after the last heal (docs/chaos.md).
        Duration settleFor = settle != null ? settle : Duration.ofSeconds(Math.max(180, orders / 5));
        // Three brokers only where a broker is killed: one starts and stops in a fraction of the time.
        PlatformLayout layout = PlatformLayout.chaos(OrderflowCommand.root(), types.contains(FaultType.BROKER_KILL) ? 3 : 1);
        Path outDir = out != null ? out.toAbsolutePath() : layout.stateDir().getParent()
                .resolve("chaos-runs").resolve(scenario + "-" + runMode.label() + "-seed" + seed);
        ChaosOptions options = new ChaosOptions(types, faultCount, orders, seed, runFor, runMode, concurrency, settleFor, outDir);
        ChaosRunner.Outcome outcome = new ChaosRunner(layout, options, System.out).run();
        System.out.println();
        System.out.print(outcome.report().terminalSummary());
        System.out.println("report:  " + outDir.resolve("report.html"));
        System.out.println("history: " + outDir.resolve("history.jsonl"));
        return switch (outcome.verdict().result()) {
            case VALID -> ExitCodes.OK;
            case INVALID -> ExitCodes.INVALID;
            case UNKNOWN -> ExitCodes.UNKNOWN;
        };
    }
}
