package dev.orderflow.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bench's pure parts: statistics, ratios and the three renderings of a report. */
class BenchReportTest {

    @Test
    void percentilesComeFromTheRecordedLatencies() {
        List<Duration> latencies = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList());

        LatencySummary summary = LatencySummary.of(latencies);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isCloseTo(50, within(0.1));
        assertThat(summary.p95()).isCloseTo(95, within(0.1));
        assertThat(summary.p99()).isCloseTo(99, within(0.1));
        assertThat(summary.max()).isCloseTo(100, within(0.1));
        assertThat(summary.tailRatio()).isCloseTo(99 / 50.0, within(0.01));
    }

    @Test
    void aLatencyBelowZeroFromClockGranularityCountsAsZeroAndNoLatencyIsEmpty() {
        assertThat(LatencySummary.of(List.of(Duration.ofMillis(-3), Duration.ofMillis(10))).p50()).isZero();
        assertThat(LatencySummary.of(List.of())).isEqualTo(LatencySummary.EMPTY);
        assertThat(LatencySummary.EMPTY.tailRatio()).isNaN();
    }

    @Test
    void ratiosCompareEachMeasurementWithItsLimit() {
        BenchReport report = report();

        Map<String, BenchReport.Ratio> ratios = new java.util.LinkedHashMap<>();
        report.ratios().forEach(r -> ratios.put(r.name(), r));

        assertThat(report.commits().perOrder()).isEqualTo(20);
        assertThat(report.commitBoundCeiling()).isCloseTo(100, within(1e-9)); // 2000 commits/s / 20
        assertThat(ratios.get("relay drain / raw producer").value()).isCloseTo(0.3, within(1e-9));
        assertThat(ratios.get("relay drain / raw producer").met()).isTrue();
        assertThat(ratios.get("saga max / commit-bound ceiling").value()).isCloseTo(0.4, within(1e-9));
        assertThat(ratios.get("saga max / commit-bound ceiling").met()).isFalse();
        assertThat(ratios.get("patterns / naive throughput").value()).isCloseTo(0.8, within(1e-9));
        assertThat(ratios.get("p99 / p50 at half load (patterns)").value()).isCloseTo(4, within(1e-9));
        assertThat(ratios.get("p99 patterns / p99 naive at the same load").value()).isCloseTo(2, within(1e-9));
    }

    @Test
    void tableShowsEveryRatioTheCommitDerivationAndTheHops() {
        String table = ReportRenderer.table(report());

        assertThat(table).contains("2 cores", "quarkus 3.29.4", "./orderflow bench --duration 30s")
                .contains("relay drain / raw producer", "0.30", "target >= 0.25  met")
                .contains("saga max / commit-bound ceiling", "0.40", "NOT met")
                .contains("commits per order (derived)", "total                20")
                .contains("OrderPlaced.v1", "inventory-service", "4.00 / 9.00", "900 / 1000");
    }

    @Test
    void tableShowsWhatOneOrderCostsInCpuAndTransactionsAgainstTheTargets() {
        String table = ReportRenderer.table(report());

        assertThat(table).contains("cost per completed order", "900 orders")
                .containsPattern("order-service +12.50")
                .containsPattern("services together +20.00  target <= 25  met")
                .containsPattern("order-service +2.25 +3.00 +n/a")
                .containsPattern("payment_db +16.00")
                .containsPattern("total +22.00  target <= 24  met; derived from the code path 20");
    }

    @Test
    void jsonCarriesTheMeasurementsTheCommitCountAndTheRatios() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportRenderer.json(report()));

        assertThat(json.path("baselines").path("kafkaRecordsPerSecond").asDouble()).isEqualTo(20_000);
        assertThat(json.path("commitsPerOrder").asInt()).isEqualTo(20);
        assertThat(json.path("commitBoundCeilingOrdersPerSecond").asDouble()).isEqualTo(100);
        assertThat(json.path("ratios")).hasSize(5);
        assertThat(json.path("patterns").path("openLoop").path("latency").path("p99").asDouble()).isEqualTo(800);
        assertThat(json.path("header").path("versions").path("kafka").asText()).isEqualTo("4.3.1");
        assertThat(json.path("servicesCpuMsPerOrder").asDouble()).isEqualTo(20);
        assertThat(json.path("postgresTransactionsPerOrder").asDouble()).isEqualTo(22);
        assertThat(json.path("cost").path("serviceCpuMsPerOrderByPart").path("order-service").path("relay").asDouble()).isEqualTo(2.25);
    }

    @Test
    void htmlIsOneSelfContainedPageWithChartsAndEscapedText() {
        String html = ReportRenderer.html(report());

        assertThat(html).startsWith("<!doctype html>").contains("<svg", "<rect", "OrderPlaced.v1 -&gt; inventory-service")
                .doesNotContain("<script", "src=\"http", "href=\"http");
        assertThat(ReportRenderer.escape("a<b & c>d")).isEqualTo("a&lt;b &amp; c&gt;d");
    }

    @Test
    void commitsPerOrderLeaveOutTheBenchsOwnQueries() {
        Map<String, Double> perOrder = CommitCount.perOrder(Map.of("order_db", 100L, "payment_db", 10L),
                Map.of("order_db", 700L, "payment_db", 510L), 100, 100);

        assertThat(perOrder).containsEntry("order_db", 5.0).containsEntry("payment_db", 5.0).containsEntry("shipping_db", 0.0);
        assertThat(CommitCount.HAPPY_ORDER.stream().mapToInt(BenchReport.CommitStep::commits).sum()).isEqualTo(21);
    }

    @Test
    void eventTypesAreShownWithoutTheirNamespace() {
        assertThat(HopLatency.shortType("dev.orderflow.order.OrderPlaced.v1")).isEqualTo("OrderPlaced.v1");
        assertThat(HopLatency.shortType(null)).isEqualTo("?");
    }

    private static BenchReport report() {
        BenchReport.Header header = new BenchReport.Header("2026-01-01T00:00:00Z", 2, 24_000, "Temurin 25", "Linux",
                Map.of("quarkus", "3.29.4", "kafka", "4.3.1"), "./orderflow bench --duration 30s", 30);
        BenchReport.Baselines baselines = new BenchReport.Baselines(16, 300, 2000, 400, 20_000);
        BenchReport.Drain drain = new BenchReport.Drain("order-service", 100_000, 16.7, 6_000);
        BenchReport.CommitBudget commits = new BenchReport.CommitBudget(
                List.of(new BenchReport.CommitStep("order_db", "place", 5), new BenchReport.CommitStep("payment_db", "capture", 15)),
                Map.of("order_db", 6.0, "payment_db", 16.0));
        LatencySummary patternsLatency = new LatencySummary(100, 200, 500, 800, 1000);
        LatencySummary naiveLatency = new LatencySummary(100, 100, 300, 400, 500);
        BenchReport.SagaRun patterns = new BenchReport.SagaRun("patterns", Map.of(),
                new BenchReport.ClosedLoop(32, 20, 800, 900, 0, 40, patternsLatency),
                new BenchReport.OpenLoop(20, 600, 600, 0, patternsLatency));
        BenchReport.SagaRun naive = new BenchReport.SagaRun("naive", Map.of("orderflow.messaging.naive.no-inbox", "true"),
                new BenchReport.ClosedLoop(32, 20, 1000, 1100, 0, 50, naiveLatency),
                new BenchReport.OpenLoop(20, 600, 600, 0, naiveLatency));
        List<BenchReport.Hop> hops = List.of(new BenchReport.Hop("OrderPlaced.v1", "inventory-service",
                new LatencySummary(10, 4, 8, 9, 10), new LatencySummary(10, 900, 950, 1000, 1001)));
        Map<String, Double> cpuMs = new java.util.LinkedHashMap<>();
        cpuMs.put("order-service", 12.5);
        cpuMs.put("inventory-service", 7.5);
        cpuMs.put("postgres", 9.0);
        BenchReport.Cost cost = new BenchReport.Cost(900, cpuMs,
                Map.of("order-service", Map.of("relay", 2.25, "kafka consumer", 3.0, "other", 1.0)),
                List.of("order-service", "inventory-service"));
        return new BenchReport(header, baselines, drain, commits, patterns, naive, hops, Map.of("postgres", 0.8), 1.9, cost);
    }
}
