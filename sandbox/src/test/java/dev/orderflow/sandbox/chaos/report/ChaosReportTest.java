package dev.orderflow.sandbox.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.chaos.ChaosOptions;
import dev.orderflow.sandbox.chaos.check.Verdict;
import dev.orderflow.sandbox.chaos.history.HistoryEntry;
import dev.orderflow.sandbox.chaos.history.HistoryEntry.Type;
import dev.orderflow.sandbox.check.Anomaly;
import dev.orderflow.sandbox.check.Snapshot;
import dev.orderflow.sandbox.check.SnapshotBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosReportTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void reportCountsFaultsOutcomesAndShowsTheEvidence(@TempDir Path dir) throws Exception {
        List<HistoryEntry> history = List.of(
                new HistoryEntry(0, "client-1", Type.INVOKE, "place", "wl-1-0", null, null),
                new HistoryEntry(40, "client-1", Type.OK, "place", "wl-1-0", "o-1", "201"),
                new HistoryEntry(100, "nemesis", Type.FAULT_START, "db-cut", "postgres", null, null),
                new HistoryEntry(150, "client-2", Type.INVOKE, "place", "wl-1-1", null, null),
                new HistoryEntry(3100, "nemesis", Type.FAULT_STOP, "db-cut", "postgres", null, "cut 14 connections for 3.0 s"),
                new HistoryEntry(3200, "client-2", Type.UNKNOWN, "place", "wl-1-1", null, "timed out"),
                new HistoryEntry(4000, "nemesis", Type.FAULT_START, "service-kill", "payment-service", null, null),
                new HistoryEntry(9000, "nemesis", Type.FAULT_STOP, "service-kill", "payment-service", null, "killed <pid 42>, ready again"));
        SnapshotBuilder snapshot = new SnapshotBuilder();
        snapshot.orders.put("o-1", new Snapshot.Order("o-1", "SHIPPED", SnapshotBuilder.TOTAL, Map.of("A", 1),
                List.of("PLACED", "RESERVED", "PAID", "SHIPPED"), START.plusMillis(40), START.plusMillis(1540)));
        Verdict verdict = new Verdict(Verdict.Result.INVALID,
                List.of(new Anomaly(Anomaly.Kind.DOUBLE_CHARGE, List.of("o-1"), "2 captures under keys order-o-1-capture-a, -b")), "1 anomalies");
        ChaosOptions options = new ChaosOptions(ChaosOptions.scenario("all"), 2, 2, 1, Duration.ofSeconds(10),
                ChaosOptions.Mode.NAIVE, 4, Duration.ofSeconds(30), dir);

        ChaosReport report = ChaosReport.of(options, START, history, snapshot.build(), verdict);
        report.writeTo(dir);

        assertThat(report.faultsPerType()).isEqualTo(Map.of("db-cut", 1L, "service-kill", 1L));
        assertThat(report.ordersPerStatus()).isEqualTo(Map.of("SHIPPED", 1L));
        assertThat(report.operations()).containsEntry("place ok", 1L).containsEntry("place unknown", 1L);
        assertThat(report.terminalSummary()).contains("DOUBLE_CHARGE", "INVALID", "p50 1.50 s");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg", "cut 14 connections for 3.0 s", "killed &lt;pid 42&gt;, ready again",
                "2 captures under keys", "mode <b>naive</b>").doesNotContain("<script");
        assertThat(Files.readString(dir.resolve("summary.txt"))).isEqualTo(report.terminalSummary());
    }
}
