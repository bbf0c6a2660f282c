package dev.orderflow.sandbox.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code orderflow bench} run measured, side by side on one machine, and the ratios
 * derived from it. Rates are per second, latencies in milliseconds.
 */
public record BenchReport(
        Header header,
        Baselines baselines,
        Drain drain,
        CommitBudget commits,
        SagaRun patterns,
        SagaRun naive,
        List<Hop> hops,
        Map<String, Double> cpuCoresDuringPatternsLoad,
        double machineBusyCoresDuringPatternsLoad,
        Cost cost) {

    /**
     * What one completed order costs during the patterns closed loop (warm-up and tail included, the
     * orders counted are those that became terminal in it): CPU milliseconds per component, the
     * services' CPU by JVM part (relay thread, Kafka consumer threads, workers, GC, JIT...), and
     * PostgreSQL transactions ({@code xact_commit}) per database. Per order, not per second: on a
     * shared machine a busy neighbour lowers the rate but hardly the CPU an order takes.
     */
    public record Cost(long orders, Map<String, Double> cpuMsPerOrder, Map<String, Map<String, Double>> serviceCpuMsPerOrderByPart,
            List<String> services) {
        /** The four services' CPU per order together (the target: at most 25 ms). */
        public double servicesCpuMsPerOrder() {
            return services.stream().mapToDouble(s -> cpuMsPerOrder.getOrDefault(s, 0.0)).sum();
        }
    }

    public record Header(String startedAt, int cores, long memoryMiB, String java, String os, Map<String, String> versions,
            String command, long durationSeconds) {}

    /**
     * @param postgresCommitsPerSecondOneConnection single-row INSERT commits, one connection (each waits for its fsync)
     * @param postgresCommitsPerSecond the same with {@code poolSize} connections at once (group commit): the ceiling
     */
    public record Baselines(int poolSize, double postgresCommitsPerSecondOneConnection, double postgresCommitsPerSecond,
            int eventBytes, double kafkaRecordsPerSecond) {}

    /** A backlog of {@code rows} outbox rows published by a service's relay. */
    public record Drain(String service, int rows, double seconds, double eventsPerSecond) {}

    /** One step of an order that commits: where, why, how many commits. */
    public record CommitStep(String database, String step, int commits) {}

    /**
     * @param derived the commits one happy order needs, from the code path
     * @param measuredPerDatabase {@code pg_stat_database.xact_commit} per order during the closed loop
     *     (includes read-only transactions: relay polls, readiness checks)
     */
    public record CommitBudget(List<CommitStep> derived, Map<String, Double> measuredPerDatabase) {
        public int perOrder() {
            return derived.stream().mapToInt(CommitStep::commits).sum();
        }

        public double measuredPerOrder() {
            return measuredPerDatabase.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * Closed loop: {@code concurrency} clients, each places an order and waits for its terminal state.
     * {@code completed} became terminal inside the measured {@code seconds} (after the warm-up);
     * {@code terminalInRun} counts every order of the run, warm-up and tail included.
     */
    public record ClosedLoop(int concurrency, double seconds, long completed, long terminalInRun, long notTerminal,
            double ordersPerSecond, LatencySummary latency) {}

    /** Open loop: orders placed at a fixed rate regardless of answers; latency from the intended start. */
    public record OpenLoop(double targetRate, long placed, long completed, long notTerminal, LatencySummary latency) {}

    public record SagaRun(String mode, Map<String, String> flags, ClosedLoop closedLoop, OpenLoop openLoop) {}

    /**
     * One hop of one event: appended ({@code ce_time}) → published (Kafka record timestamp) →
     * consumed (the consumer's inbox row).
     */
    public record Hop(String eventType, String consumer, LatencySummary appendedToPublished, LatencySummary publishedToConsumed) {}

    /** The numbers the issue asks for, each with its target (not an assertion: a direction). */
    public record Ratio(String name, double value, String target, boolean met) {}

    public double commitBoundCeiling() {
        return baselines.postgresCommitsPerSecond() / commits.perOrder();
    }

    public List<Ratio> ratios() {
        double drainVsProducer = drain.eventsPerSecond() / baselines.kafkaRecordsPerSecond();
        double sagaVsCeiling = patterns.closedLoop().ordersPerSecond() / commitBoundCeiling();
        double patternsVsNaive = patterns.closedLoop().ordersPerSecond() / naive.closedLoop().ordersPerSecond();
        double tail = patterns.openLoop().latency().tailRatio();
        double p99VsNaive = patterns.openLoop().latency().p99() / naive.openLoop().latency().p99();
        return List.of(
                new Ratio("relay drain / raw producer", drainVsProducer, ">= 0.25", drainVsProducer >= 0.25),
                new Ratio("saga max / commit-bound ceiling", sagaVsCeiling, ">= 0.50", sagaVsCeiling >= 0.5),
                new Ratio("patterns / naive throughput", patternsVsNaive, ">= 0.85", patternsVsNaive >= 0.85),
                new Ratio("p99 / p50 at half load (patterns)", tail, "< 10", tail < 10),
                new Ratio("p99 patterns / p99 naive at the same load", p99VsNaive, "(cost of correctness)", true));
    }
}
