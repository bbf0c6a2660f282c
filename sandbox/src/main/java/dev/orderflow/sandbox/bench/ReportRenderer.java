package dev.orderflow.sandbox.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link BenchReport} as a terminal table, as JSON, and as a self-contained HTML page with inline SVG charts. */
public final class ReportRenderer {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportRenderer() {}

    public static String json(BenchReport report) {
        try {
            Map<String, Object> tree = JSON.convertValue(report, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            tree.put("commitsPerOrder", report.commits().perOrder());
            tree.put("commitBoundCeilingOrdersPerSecond", round(report.commitBoundCeiling()));
            tree.put("ratios", report.ratios());
            tree.put("servicesCpuMsPerOrder", round(report.cost().servicesCpuMsPerOrder()));
            tree.put("postgresTransactionsPerOrder", round(report.commits().measuredPerOrder()));
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String table(BenchReport report) {
        StringBuilder out = new StringBuilder();
        BenchReport.Header h = report.header();
        out.append(String.format(Locale.ROOT, "orderflow bench  %s  %d cores, %d MiB, %s, %s%n", h.startedAt(), h.cores(),
                h.memoryMiB(), h.java(), h.os()));
        out.append("versions: ");
        h.versions().forEach((k, v) -> out.append(k).append(' ').append(v).append("  "));
        out.append(String.format("%ncommand: %s%n%n", h.command()));

        BenchReport.Baselines b = report.baselines();
        row(out, "measurement", "result", "note");
        rule(out);
        row(out, "PostgreSQL commits/s, 1 connection", rate(b.postgresCommitsPerSecondOneConnection()), "single-row INSERT, fsync on");
        row(out, "PostgreSQL commits/s, " + b.poolSize() + " connections", rate(b.postgresCommitsPerSecond()), "the services' pool size");
        row(out, "Kafka producer records/s", rate(b.kafkaRecordsPerSecond()), "acks=all, idempotent, " + b.eventBytes() + " B events");
        BenchReport.Drain d = report.drain();
        row(out, "outbox relay drain events/s", rate(d.eventsPerSecond()), d.rows() + " rows, " + d.service() + ", " + fixed(d.seconds()) + " s");
        row(out, "commits per order (derived)", String.valueOf(report.commits().perOrder()),
                "measured xact_commit/order " + fixed(report.commits().measuredPerOrder()));
        row(out, "commit-bound ceiling orders/s", fixed(report.commitBoundCeiling()), "PostgreSQL commits/s / commits per order");
        for (BenchReport.SagaRun run : List.of(report.patterns(), report.naive())) {
            BenchReport.ClosedLoop c = run.closedLoop();
            row(out, "saga max orders/s (" + run.mode() + ")", fixed(c.ordersPerSecond()),
                    "closed loop, " + c.concurrency() + " clients, " + c.completed() + " terminal, " + c.notTerminal() + " not");
            BenchReport.OpenLoop o = run.openLoop();
            LatencySummary l = o.latency();
            row(out, "placed->terminal ms (" + run.mode() + ")",
                    String.format(Locale.ROOT, "%s/%s/%s/%s", fixed(l.p50()), fixed(l.p95()), fixed(l.p99()), fixed(l.max())),
                    "p50/p95/p99/max at " + fixed(o.targetRate()) + " orders/s, " + o.completed() + "/" + o.placed() + " terminal");
        }
        out.append(String.format("%nratios%n"));
        for (BenchReport.Ratio r : report.ratios()) {
            row(out, r.name(), fixed(r.value()), "target " + r.target() + (r.target().startsWith("(") ? "" : r.met() ? "  met" : "  NOT met"));
        }
        cost(out, report);
        out.append(String.format("%ncommits one happy order needs (from the code path)%n"));
        for (BenchReport.CommitStep s : report.commits().derived()) {
            out.append(String.format(Locale.ROOT, "  %-20s %2d  %s%n", s.database(), s.commits(), s.step()));
        }
        out.append(String.format(Locale.ROOT, "  %-20s %2d%n", "total", report.commits().perOrder()));
        out.append(String.format("%nper hop, patterns mode at half load (ms, p50 / p99)%n"));
        out.append(String.format(Locale.ROOT, "  %-28s %-20s %-22s %s%n", "event", "consumer", "appended->published", "published->consumed"));
        for (BenchReport.Hop hop : report.hops()) {
            out.append(String.format(Locale.ROOT, "  %-28s %-20s %-22s %s%n", hop.eventType(), hop.consumer(),
                    fixed(hop.appendedToPublished().p50()) + " / " + fixed(hop.appendedToPublished().p99()),
                    fixed(hop.publishedToConsumed().p50()) + " / " + fixed(hop.publishedToConsumed().p99())));
        }
        out.append(String.format("%nCPU during the patterns closed loop (cores busy; machine total %s of %d)%n",
                fixed(report.machineBusyCoresDuringPatternsLoad()), h.cores()));
        report.cpuCoresDuringPatternsLoad().forEach((c, v) -> out.append(String.format(Locale.ROOT, "  %-20s %s%n", c, fixed(v))));
        return out.toString();
    }

    /** CPU-ms and transactions per completed order: what every change to the platform costs or saves. */
    private static void cost(StringBuilder out, BenchReport report) {
        BenchReport.Cost cost = report.cost();
        out.append(String.format(Locale.ROOT, "%ncost per completed order, patterns closed loop (%d orders; per order, not per second:"
                + " a busy neighbour on the machine moves it little)%n", cost.orders()));
        out.append(String.format(Locale.ROOT, "  %-26s %8s%n", "CPU ms per order", "ms"));
        cost.cpuMsPerOrder().forEach((c, v) -> out.append(String.format(Locale.ROOT, "  %-26s %8s%n", c, fixed(v))));
        out.append(String.format(Locale.ROOT, "  %-26s %8s  target <= 25%s%n", "services together", fixed(cost.servicesCpuMsPerOrder()),
                cost.servicesCpuMsPerOrder() <= 25 ? "  met" : "  NOT met"));
        List<String> parts = new ArrayList<>(ProcessCpu.THREAD_PARTS.keySet());
        parts.add("other");
        out.append(String.format(Locale.ROOT, "%n  services' CPU ms per order by JVM part (thread names)%n  %-20s", "service"));
        parts.forEach(p -> out.append(String.format(Locale.ROOT, " %14s", p)));
        out.append('\n');
        cost.serviceCpuMsPerOrderByPart().forEach((service, byPart) -> {
            out.append(String.format(Locale.ROOT, "  %-20s", service));
            parts.forEach(p -> out.append(String.format(Locale.ROOT, " %14s", fixed(byPart.getOrDefault(p, Double.NaN)))));
            out.append('\n');
        });
        out.append(String.format(Locale.ROOT, "%n  PostgreSQL transactions per order (xact_commit)%n"));
        report.commits().measuredPerDatabase().forEach((db, v) -> out.append(String.format(Locale.ROOT, "  %-26s %8s%n", db, fixed(v))));
        double transactions = report.commits().measuredPerOrder();
        out.append(String.format(Locale.ROOT, "  %-26s %8s  target <= 24%s; derived from the code path %d%n", "total", fixed(transactions),
                transactions <= 24 ? "  met" : "  NOT met", report.commits().perOrder()));
    }

    /** One page, no external resources: the table, bar charts of the rates and ratios, the latency percentiles. */
    public static String html(BenchReport report) {
        BenchReport.Baselines b = report.baselines();
        List<Bar> rates = List.of(
                new Bar("PostgreSQL commits/s (" + b.poolSize() + " conn)", b.postgresCommitsPerSecond()),
                new Bar("Kafka producer records/s", b.kafkaRecordsPerSecond()),
                new Bar("outbox relay drain events/s", report.drain().eventsPerSecond()),
                new Bar("commit-bound ceiling orders/s", report.commitBoundCeiling()),
                new Bar("saga max orders/s (patterns)", report.patterns().closedLoop().ordersPerSecond()),
                new Bar("saga max orders/s (naive)", report.naive().closedLoop().ordersPerSecond()));
        List<Bar> ratios = report.ratios().stream().map(r -> new Bar(r.name() + " (target " + r.target() + ")", r.value())).toList();
        List<Bar> latency = new ArrayList<>();
        for (BenchReport.SagaRun run : List.of(report.patterns(), report.naive())) {
            LatencySummary l = run.openLoop().latency();
            latency.add(new Bar(run.mode() + " p50", l.p50()));
            latency.add(new Bar(run.mode() + " p95", l.p95()));
            latency.add(new Bar(run.mode() + " p99", l.p99()));
            latency.add(new Bar(run.mode() + " max", l.max()));
        }
        List<Bar> cpu = report.cost().cpuMsPerOrder().entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue())).toList();
        List<Bar> hops = new ArrayList<>();
        for (BenchReport.Hop hop : report.hops()) {
            hops.add(new Bar(hop.eventType() + " published (p99)", hop.appendedToPublished().p99()));
            hops.add(new Bar(hop.eventType() + " -> " + hop.consumer() + " (p99)", hop.publishedToConsumed().p99()));
        }
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>orderflow bench</title>
                <style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;font-size:12px}
                h2{margin-top:1.5em}</style></head><body>
                <h1>orderflow bench</h1>
                """
                + "<h2>Rates (per second, log scale)</h2>" + bars(rates, true, "/s")
                + "<h2>Ratios</h2>" + bars(ratios, false, "")
                + "<h2>CPU per completed order (ms), patterns closed loop</h2>" + bars(cpu, false, " ms")
                + "<h2>placed &rarr; terminal at half load (ms)</h2>" + bars(latency, false, " ms")
                + "<h2>Per hop, patterns mode (ms)</h2>" + bars(hops, false, " ms")
                + "<h2>Table</h2><pre>" + escape(table(report)) + "</pre></body></html>\n";
    }

    record Bar(String label, double value) {}

    static String bars(List<Bar> bars, boolean log, String unit) {
        int labelWidth = 330;
        int chartWidth = 420;
        int rowHeight = 22;
        double max = bars.stream().mapToDouble(bar -> scale(bar.value(), log)).max().orElse(1);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"12\">",
                labelWidth + chartWidth + 120, bars.size() * rowHeight + 4));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double width = max <= 0 ? 0 : chartWidth * scale(bar.value(), log) / max;
            int y = i * rowHeight + 2;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelWidth - 6, y + 15,
                    escape(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a7fb5\"/>",
                    labelWidth, y + 3, Math.max(0, width), rowHeight - 6));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s%s</text>", labelWidth + Math.max(0, width) + 4,
                    y + 15, fixed(bar.value()), unit));
        }
        return svg.append("</svg>").toString();
    }

    private static double scale(double value, boolean log) {
        if (Double.isNaN(value) || value <= 0) {
            return 0;
        }
        return log ? Math.log10(1 + value) : value;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void row(StringBuilder out, String name, String value, String note) {
        out.append(String.format(Locale.ROOT, "%-42s %14s  %s%n", name, value, note));
    }

    private static void rule(StringBuilder out) {
        out.append("-".repeat(100)).append('\n');
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String fixed(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
