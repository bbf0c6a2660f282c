package dev.orderflow.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.chaos.check.Verdict;
import dev.orderflow.sandbox.chaos.fault.FaultType;
import dev.orderflow.sandbox.chaos.history.History;
import dev.orderflow.sandbox.chaos.history.HistoryEntry;
import dev.orderflow.sandbox.check.Anomaly;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Short chaos runs on the real platform (three brokers, the services and the provider as JVMs):
 * every fault type once with the patterns on must leave no anomaly; the naive mode must be caught.
 */
class ChaosIT {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();

    @Test
    void everyFaultTypeOnceLeavesEveryInvariantIntact() throws Exception {
        Path out = Path.of("target/chaos-it/patterns-report").toAbsolutePath();
        List<FaultType> types = List.of(FaultType.values());
        ChaosOptions options = new ChaosOptions(types, types.size(), 120, 7, Duration.ofSeconds(100),
                ChaosOptions.Mode.PATTERNS, 8, Duration.ofMinutes(3), out);

        ChaosRunner.Outcome outcome = run(PlatformLayout.forTests(ROOT, Path.of("target/chaos-it/patterns"), 3), options);

        assertThat(outcome.verdict().anomalies()).as(outcome.report().terminalSummary()).isEmpty();
        assertThat(outcome.verdict().result()).isEqualTo(Verdict.Result.VALID);
        assertThat(outcome.report().faultsPerType().keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(FaultType.values()).map(FaultType::scenario).toList());
        assertThat(outcome.report().ordersPerStatus().keySet()).isSubsetOf("SHIPPED", "REJECTED", "CANCELLED");
        List<HistoryEntry> history = History.read(out.resolve("history.jsonl")).entries();
        assertThat(history.stream().filter(e -> e.type() == HistoryEntry.Type.FAULT_STOP))
                .as("every fault was injected and healed").hasSize(types.size())
                .noneSatisfy(e -> assertThat(e.value()).startsWith("failed"));
        assertThat(Files.readString(out.resolve("report.html"))).contains("VALID");
    }

    @Test
    void naiveModeUnderTheSameFaultsIsCaught() throws Exception {
        Path out = Path.of("target/chaos-it/naive-report").toAbsolutePath();
        List<FaultType> types = List.of(FaultType.PROVIDER_CHARGE_TIMEOUT, FaultType.RELAY_CRASH, FaultType.SERVICE_KILL);
        ChaosOptions options = new ChaosOptions(types, 6, 120, 7, Duration.ofSeconds(80),
                ChaosOptions.Mode.NAIVE, 8, Duration.ofMinutes(2), out);

        ChaosRunner.Outcome outcome = run(PlatformLayout.forTests(ROOT, Path.of("target/chaos-it/naive"), 3), options);

        Set<Anomaly.Kind> kinds = outcome.verdict().anomalies().stream().map(Anomaly::kind).collect(Collectors.toSet());
        assertThat(outcome.verdict().result()).as(outcome.report().terminalSummary()).isEqualTo(Verdict.Result.INVALID);
        assertThat(kinds).as(outcome.report().terminalSummary()).contains(Anomaly.Kind.DOUBLE_CHARGE);
    }

    private static ChaosRunner.Outcome run(PlatformLayout layout, ChaosOptions options) throws InterruptedException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            ChaosRunner.Outcome outcome = new ChaosRunner(layout, options, out).run();
            System.out.print(console.toString(StandardCharsets.UTF_8));
            return outcome;
        }
    }
}
