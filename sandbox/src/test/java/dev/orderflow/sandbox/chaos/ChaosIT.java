package dev.orderflow.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.chaos.check.Verdict;
import dev.orderflow.sandbox.chaos.fault.FaultType;
import dev.orderflow.sandbox.chaos.history.History;
import dev.orderflow.sandbox.chaos.history.HistoryEntry;
import dev.orderflow.sandbox.check.Anomaly;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Whole chaos runs (workload, seeded fault schedule, healing, quiescence, checker, report) on the
 * real platform: three brokers, the services and the provider as JVMs. Every fault type once with
 * the patterns on must leave no anomaly; the naive mode under charge timeouts must be caught.
 */
class ChaosIT {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();

    @Test
    void everyFaultTypeOnceLeavesEveryInvariantIntact() throws Exception {
        Path out = Path.of("target/chaos-it/patterns-report").toAbsolutePath();
        List<FaultType> types = List.of(FaultType.values());
        int orders = 100;
        ChaosOptions options = new ChaosOptions(types, types.size(), orders, 7, Duration.ofSeconds(100),
                ChaosOptions.Mode.PATTERNS, 8, Duration.ofMinutes(4), out);

        ChaosRunner.Outcome outcome = run(PlatformLayout.forTests(ROOT, Path.of("target/chaos-it/patterns"), 3), options);

        String summary = outcome.report().terminalSummary();
        assertThat(outcome.verdict().anomalies()).as(summary).isEmpty();
        assertThat(outcome.verdict().result()).as(summary).isEqualTo(Verdict.Result.VALID);
        assertThat(outcome.report().faultsPerType().keySet()).as(summary)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(FaultType.values()).map(FaultType::scenario).toList());
        assertThat(outcome.report().ordersPerStatus().keySet()).as(summary).isSubsetOf("SHIPPED", "REJECTED", "CANCELLED");
        // Clients resend unknown outcomes with the same key: most orders get through the faults, so
        // the verdict judges real traffic, not an empty run.
        long ended = outcome.report().ordersPerStatus().values().stream().mapToLong(Long::longValue).sum();
        assertThat(ended).as(summary).isGreaterThanOrEqualTo(orders / 2);
        List<HistoryEntry> history = History.read(out.resolve("history.jsonl")).entries();
        assertThat(history.stream().filter(e -> e.type() == HistoryEntry.Type.FAULT_STOP))
                .as("every fault was injected and healed").hasSize(types.size())
                .noneSatisfy(e -> assertThat(e.value()).startsWith("failed"));
        assertThat(Files.readString(out.resolve("report.html"))).contains("VALID");
    }

    @Test
    void naiveModeDoubleChargesWhenChargesTimeOutAndTheCheckerSaysSo() throws Exception {
        Path out = Path.of("target/chaos-it/naive-report").toAbsolutePath();
        List<FaultType> types = List.of(FaultType.PROVIDER_CHARGE_TIMEOUT);
        // One broker is enough here (no broker fault), and quicker to start and stop than three.
        ChaosOptions options = new ChaosOptions(types, 5, 60, 7, Duration.ofSeconds(50),
                ChaosOptions.Mode.NAIVE, 8, Duration.ofMinutes(3), out);

        ChaosRunner.Outcome outcome = run(PlatformLayout.forTests(ROOT, Path.of("target/chaos-it/naive"), 1), options);

        Set<Anomaly.Kind> kinds = outcome.verdict().anomalies().stream().map(Anomaly::kind).collect(Collectors.toSet());
        String summary = outcome.report().terminalSummary();
        assertThat(outcome.verdict().result()).as(summary).isEqualTo(Verdict.Result.INVALID);
        // A timed-out charge retried under a fresh idempotency key: the provider's ledger has two captures.
        assertThat(kinds).as(summary).contains(Anomaly.Kind.DOUBLE_CHARGE);
    }

    private static ChaosRunner.Outcome run(PlatformLayout layout, ChaosOptions options) throws InterruptedException {
        return new ChaosRunner(layout, options, System.out).run();
    }
}
