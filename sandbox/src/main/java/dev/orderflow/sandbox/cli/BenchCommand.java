package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.bench.BenchReport;
import dev.orderflow.sandbox.bench.BenchRunner;
import dev.orderflow.sandbox.bench.ReportRenderer;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure throughput and latency, and what the patterns cost, side by side in one run.",
        description = {"Measures, side by side in one run: PostgreSQL commits and a raw Kafka producer (the physical "
            + "limits), the outbox relay draining a backlog, the saga's maximum throughput and its latency at "
            + "half of it, per-hop latency, and the same saga with the naive flags on (the cost of "
            + "correctness). Starts its own platform and stops it afterwards; prints a table, writes "
            + "bench.json, bench.txt, bench.html."},
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow bench          about 5 minutes with the default 30s phases",
            "  ./orderflow bench --duration 10s --out /tmp/bench"})
class BenchCommand implements Callable<Integer> {

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "Length of each saga load phase, e.g. 30s, 2m (default: 30s).")
    Duration duration;

    @Option(names = "--out", description = "Directory for the report (default: <state dir>/bench/<date-time>).")
    Path out;

    @Option(names = "--clients", defaultValue = "32", description = "Orders in flight in the closed loop (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--drain-rows", defaultValue = "100000", description = "Outbox rows in the relay's backlog (default: ${DEFAULT-VALUE}).")
    int drainRows;

    @Override
    public Integer call() throws Exception {
        if (duration.toSeconds() < 1) {
            throw new IllegalArgumentException("--duration must be at least 1s, was " + duration);
        }
        if (clients < 1 || drainRows < 1) {
            throw new IllegalArgumentException("--clients and --drain-rows must be positive");
        }
        PlatformLayout layout = OrderflowCommand.layout(1);
        Path dir = out != null ? out.toAbsolutePath()
                : layout.stateDir().resolve("bench").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        String command = String.format(Locale.ROOT, "./orderflow bench --duration %ds --clients %d --drain-rows %d", duration.toSeconds(), clients, drainRows);
        BenchRunner runner = new BenchRunner(layout, new BenchRunner.Settings(duration, clients, drainRows, dir, command), System.out,
                System.console() != null);
        BenchReport report = runner.run();
        System.out.println();
        System.out.print(ReportRenderer.table(report));
        System.out.println();
        System.out.println("Report: " + dir.resolve("bench.txt") + ", " + dir.resolve("bench.json") + ", " + dir.resolve("bench.html"));
        return 0;
    }
}
