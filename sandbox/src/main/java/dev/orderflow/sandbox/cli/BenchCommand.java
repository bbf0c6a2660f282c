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

@Command(name = "bench", description = {
        "Measure, side by side in one run: PostgreSQL commits and a raw Kafka producer (the physical limits),",
        "the outbox relay draining a backlog, the saga's maximum throughput and its latency at half of it,",
        "per-hop latency, and the same saga with the naive flags on (the cost of correctness).",
        "Starts its own platform and stops it afterwards; prints a table, writes bench.json, bench.txt, bench.html."})
class BenchCommand implements Callable<Integer> {

    @Option(names = "--duration", defaultValue = "30s", description = "Length of each saga load phase, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--out", description = "Directory for the report (default: <state dir>/bench/<date-time>).")
    Path out;

    @Option(names = "--clients", defaultValue = "32", description = "Orders in flight in the closed loop (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--drain-rows", defaultValue = "100000", description = "Outbox rows in the relay's backlog (default: ${DEFAULT-VALUE}).")
    int drainRows;

    @Override
    public Integer call() throws Exception {
        Duration phase = parseDuration(duration);
        if (clients < 1 || drainRows < 1) {
            throw new IllegalArgumentException("--clients and --drain-rows must be positive");
        }
        PlatformLayout layout = OrderflowCommand.layout(1);
        Path dir = out != null ? out.toAbsolutePath()
                : layout.stateDir().resolve("bench").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        String command = String.format(Locale.ROOT, "./orderflow bench --duration %s --clients %d --drain-rows %d", duration, clients, drainRows);
        BenchRunner runner = new BenchRunner(layout, new BenchRunner.Settings(phase, clients, drainRows, dir, command), System.out,
                System.console() != null);
        BenchReport report = runner.run();
        System.out.println();
        System.out.print(ReportRenderer.table(report));
        System.out.println();
        System.out.println("Report: " + dir.resolve("bench.txt") + ", " + dir.resolve("bench.json") + ", " + dir.resolve("bench.html"));
        return 0;
    }

    /** {@code 30s}, {@code 2m}, {@code 90} (seconds) or ISO-8601 ({@code PT30S}). */
    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--duration must look like 30s, 2m or PT30S, was '" + text + "'");
        }
    }
}
