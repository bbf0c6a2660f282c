package dev.orderflow.sandbox.chaos.report;

import dev.orderflow.sandbox.chaos.ChaosOptions;
import dev.orderflow.sandbox.chaos.check.Verdict;
import dev.orderflow.sandbox.chaos.history.HistoryEntry;
import dev.orderflow.sandbox.chaos.history.HistoryEntry.Type;
import dev.orderflow.sandbox.check.Anomaly;
import dev.orderflow.sandbox.check.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a chaos run did and found: a summary for the terminal and a self-contained HTML page
 * (inline SVG, no scripts, no network) with faults against throughput and saga latency.
 */
public final class ChaosReport {
    private static final int WIDTH = 960;
    private static final int LANE = 120;

    private final ChaosOptions options;
    private final List<HistoryEntry> history;
    private final Snapshot snapshot;
    private final Verdict verdict;
    /** Fault spans: scenario, target, start and stop (ms since the start), detail. */
    private final List<FaultSpan> faults;
    /** Per order that ended: placed at (s since the start) and saga latency (s). */
    private final List<double[]> latencies;

    record FaultSpan(String scenario, String target, long startMillis, long stopMillis, String detail) {}

    private ChaosReport(ChaosOptions options, List<HistoryEntry> history, Snapshot snapshot, Verdict verdict,
            List<FaultSpan> faults, List<double[]> latencies) {
        this.options = options;
        this.history = history;
        this.snapshot = snapshot;
        this.verdict = verdict;
        this.faults = faults;
        this.latencies = latencies;
    }

    /** @param startedAt the wall-clock moment the history's clock started */
    public static ChaosReport of(ChaosOptions options, Instant startedAt, List<HistoryEntry> history, Snapshot snapshot,
            Verdict verdict) {
        List<FaultSpan> faults = new ArrayList<>();
        Map<String, HistoryEntry> open = new TreeMap<>();
        for (HistoryEntry entry : history) {
            if (entry.type() == Type.FAULT_START) {
                open.put(entry.op() + "@" + entry.key(), entry);
            } else if (entry.type() == Type.FAULT_STOP) {
                HistoryEntry start = open.remove(entry.op() + "@" + entry.key());
                long begin = start == null ? entry.atMillis() : start.atMillis();
                faults.add(new FaultSpan(entry.op(), entry.key(), begin, entry.atMillis(), entry.value()));
            }
        }
        List<double[]> latencies = new ArrayList<>();
        for (Snapshot.Order order : snapshot.orders().values()) {
            if (order.placedAt() != null && order.endedAt() != null) {
                latencies.add(new double[] {
                    Duration.between(startedAt, order.placedAt()).toMillis() / 1000.0,
                    Duration.between(order.placedAt(), order.endedAt()).toMillis() / 1000.0});
            }
        }
        return new ChaosReport(options, history, snapshot, verdict, faults, latencies);
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Faults injected per scenario. */
    public Map<String, Long> faultsPerType() {
        return faults.stream().collect(Collectors.groupingBy(FaultSpan::scenario, TreeMap::new, Collectors.counting()));
    }

    /** Orders per final status. */
    public Map<String, Long> ordersPerStatus() {
        return snapshot.orders().values().stream()
                .collect(Collectors.groupingBy(Snapshot.Order::status, TreeMap::new, Collectors.counting()));
    }

    /** Client operations per (op, outcome), e.g. {@code place ok}. */
    public Map<String, Long> operations() {
        return history.stream().filter(HistoryEntry::isClientOutcome)
                .collect(Collectors.groupingBy(e -> e.op() + " " + e.type().name().toLowerCase(Locale.ROOT), TreeMap::new,
                        Collectors.counting()));
    }

    public String terminalSummary() {
        StringBuilder text = new StringBuilder();
        text.append("faults injected:   ").append(faults.size()).append(' ').append(faultsPerType()).append('\n');
        faults.stream().filter(f -> f.detail() != null && f.detail().startsWith("failed")).forEach(f ->
                text.append("  ! ").append(f.scenario()).append(' ').append(f.target()).append(": ").append(f.detail()).append('\n'));
        text.append("client operations: ").append(operations()).append('\n');
        text.append("orders by outcome: ").append(ordersPerStatus()).append('\n');
        if (!latencies.isEmpty()) {
            double[] sorted = latencies.stream().mapToDouble(l -> l[1]).sorted().toArray();
            text.append(String.format(Locale.ROOT, "saga latency:      p50 %.2f s, p99 %.2f s, max %.2f s%n",
                    percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]));
        }
        Map<Anomaly.Kind, Long> kinds = verdict.anomalies().stream()
                .collect(Collectors.groupingBy(Anomaly::kind, TreeMap::new, Collectors.counting()));
        text.append("anomalies:         ").append(verdict.anomalies().isEmpty() ? "none" : kinds.toString()).append('\n');
        verdict.anomalies().stream().limit(20).forEach(a -> text.append("  ").append(a).append('\n'));
        if (verdict.anomalies().size() > 20) {
            text.append("  … ").append(verdict.anomalies().size() - 20).append(" more in the HTML report\n");
        }
        text.append("verdict:           ").append(verdict.result()).append(" (").append(verdict.reason()).append(")\n");
        return text.toString();
    }

    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.html"), html(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("summary.txt"), terminalSummary(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    String html() {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>orderflow chaos report</title>"
                + "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}"
                + ".VALID{color:#17692f}.INVALID{color:#b00020}.UNKNOWN{color:#a66a00}</style></head><body>");
        html.append("<h1>orderflow chaos run: <span class=\"").append(verdict.result()).append("\">")
                .append(verdict.result()).append("</span></h1>");
        html.append("<p>").append(escape(verdict.reason())).append("</p>");
        html.append("<p>scenario <b>").append(options.types().size() == 1 ? options.types().get(0).scenario() : "all")
                .append("</b>, mode <b>").append(options.mode().label()).append("</b>, seed <b>").append(options.seed())
                .append("</b>, ").append(options.orders()).append(" orders over ").append(options.duration().toSeconds())
                .append(" s, ").append(faults.size()).append(" faults</p>");
        html.append("<h2>Timeline</h2>").append(timeline());
        html.append("<h2>Faults</h2><table><tr><th>start (s)</th><th>held (s)</th><th>fault</th><th>target</th><th>what happened</th></tr>");
        for (FaultSpan fault : faults) {
            html.append(String.format(Locale.ROOT, "<tr><td>%.1f</td><td>%.1f</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                    fault.startMillis() / 1000.0, (fault.stopMillis() - fault.startMillis()) / 1000.0, escape(fault.scenario()),
                    escape(fault.target()), escape(fault.detail())));
        }
        html.append("</table><h2>Outcomes</h2><table>");
        ordersPerStatus().forEach((status, count) -> html.append("<tr><td>orders ").append(status).append("</td><td>").append(count).append("</td></tr>"));
        operations().forEach((op, count) -> html.append("<tr><td>").append(escape(op)).append("</td><td>").append(count).append("</td></tr>"));
        html.append("</table><h2>Anomalies (").append(verdict.anomalies().size()).append(")</h2>");
        if (verdict.anomalies().isEmpty()) {
            html.append("<p>none</p>");
        } else {
            html.append("<table><tr><th>kind</th><th>orders</th><th>evidence</th></tr>");
            for (Anomaly anomaly : verdict.anomalies()) {
                html.append("<tr><td>").append(anomaly.kind()).append("</td><td>").append(escape(String.join(" ", anomaly.orderIds())))
                        .append("</td><td>").append(escape(anomaly.evidence())).append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("<p>The history of every operation and fault is in history.jsonl beside this page.</p></body></html>").toString();
    }

    /** Fault bands on top, acknowledged orders per second in the middle, saga latency per order below. */
    private String timeline() {
        long endMillis = history.isEmpty() ? 1 : history.get(history.size() - 1).atMillis();
        double seconds = Math.max(1, endMillis / 1000.0);
        double x = (WIDTH - 60) / seconds;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"10\">", WIDTH, LANE * 3 + 30));
        List<String> scenarios = faults.stream().map(FaultSpan::scenario).distinct().sorted().toList();
        double laneHeight = scenarios.isEmpty() ? LANE : (double) LANE / scenarios.size();
        for (FaultSpan fault : faults) {
            int lane = scenarios.indexOf(fault.scenario());
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"hsl(%d,60%%,55%%)\"><title>%s %s: %s</title></rect>",
                    50 + fault.startMillis() / 1000.0 * x, lane * laneHeight, Math.max(1, (fault.stopMillis() - fault.startMillis()) / 1000.0 * x),
                    Math.max(2, laneHeight - 1), lane * 360 / Math.max(1, scenarios.size()), escape(fault.scenario()),
                    escape(fault.target()), escape(fault.detail())));
        }
        for (int i = 0; i < scenarios.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%.1f\">%s</text>", (i + 0.8) * laneHeight, escape(scenarios.get(i))));
        }
        int buckets = (int) Math.ceil(seconds);
        int[] acknowledged = new int[buckets + 1];
        history.stream().filter(e -> e.type() == Type.OK && "place".equals(e.op()))
                .forEach(e -> acknowledged[(int) Math.min(buckets, e.atMillis() / 1000)]++);
        int peak = Math.max(1, java.util.Arrays.stream(acknowledged).max().orElse(1));
        StringBuilder line = new StringBuilder();
        for (int s = 0; s <= buckets; s++) {
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", 50 + s * x, 2.0 * LANE - (double) acknowledged[s] / peak * (LANE - 10)));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1565c0\" points=\"").append(line).append("\"/>");
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">orders/s (peak %d)</text>", LANE + 12, peak));
        double worst = latencies.stream().mapToDouble(l -> l[1]).max().orElse(1);
        for (double[] latency : latencies) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"#6a1b9a\"/>",
                    50 + latency[0] * x, 3.0 * LANE - latency[1] / worst * (LANE - 10)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">saga latency (max %.1f s)</text>", 2 * LANE + 12, worst));
        svg.append(String.format(Locale.ROOT, "<text x=\"50\" y=\"%d\">0 s</text><text x=\"%d\" y=\"%d\">%.0f s</text>",
                3 * LANE + 20, WIDTH - 40, 3 * LANE + 20, seconds));
        return svg.append("</svg>").toString();
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
