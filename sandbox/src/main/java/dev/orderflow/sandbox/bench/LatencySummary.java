package dev.orderflow.sandbox.bench;

import java.time.Duration;
import java.util.Collection;
import org.HdrHistogram.Histogram;

/** Percentiles of a set of latencies, in milliseconds (HdrHistogram, 3 significant digits). */
public record LatencySummary(long count, double p50, double p95, double p99, double max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

    /** Latencies below zero (clock granularity between processes) count as zero. */
    public static LatencySummary of(Collection<Duration> latencies) {
        if (latencies.isEmpty()) {
            return EMPTY;
        }
        Histogram histogram = new Histogram(3);
        latencies.forEach(l -> histogram.recordValue(Math.max(0, l.toNanos() / 1_000)));
        return new LatencySummary(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()));
    }

    /** p99 / p50: how long the tail is compared with the typical case. */
    public double tailRatio() {
        return p50 <= 0 ? Double.NaN : p99 / p50;
    }

    private static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
