package dev.orderflow.console.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A running chaos run's history.jsonl (the CLI flushes each line) as chart series, per 5 s:
 * placements the platform acknowledged per second, their mean latency, and the faults active.
 */
public final class ChaosTimeline {
    private static final long BIN_MILLIS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Seconds since the run began; rate and latency per bin; the faults as [start s, stop s, name]. */
    public record Series(List<Long> seconds, List<Double> placedPerSecond, List<Double> meanLatencyMs, List<Fault> faults) {
        public boolean isEmpty() {
            return seconds.isEmpty();
        }
    }

    public record Fault(double startSeconds, double stopSeconds, String scenario, String target) {}

    private ChaosTimeline() {}

    public static Series read(Path history) {
        if (!Files.isRegularFile(history)) {
            return new Series(List.of(), List.of(), List.of(), List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(history);
        } catch (IOException e) {
            return new Series(List.of(), List.of(), List.of(), List.of());
        }
        Map<String, Long> invoked = new HashMap<>();
        Map<String, Double> faultStarts = new HashMap<>();
        TreeMap<Long, long[]> bins = new TreeMap<>(); // bin -> {acknowledged, latency sum}
        List<Fault> faults = new ArrayList<>();
        long last = 0;
        for (String line : lines) {
            JsonNode entry;
            try {
                entry = JSON.readTree(line);
            } catch (IOException partialLine) {
                continue; // the line being written
            }
            long at = entry.path("atMillis").asLong();
            last = Math.max(last, at);
            String type = entry.path("type").asText();
            String process = entry.path("process").asText() + "|" + entry.path("key").asText();
            switch (type) {
                case "INVOKE" -> invoked.put(process, at);
                case "OK" -> {
                    Long start = invoked.remove(process);
                    if ("place".equals(entry.path("op").asText()) && start != null) {
                        long[] bin = bins.computeIfAbsent(at / BIN_MILLIS, b -> new long[2]);
                        bin[0]++;
                        bin[1] += at - start;
                    }
                }
                case "FAULT_START" -> faultStarts.put(process + entry.path("op").asText(), at / 1000.0);
                case "FAULT_STOP" -> {
                    Double start = faultStarts.remove(process + entry.path("op").asText());
                    faults.add(new Fault(start == null ? at / 1000.0 : start, at / 1000.0, entry.path("op").asText(),
                            entry.path("key").asText()));
                }
                default -> invoked.remove(process);
            }
        }
        faultStarts.forEach((key, start) -> faults.add(new Fault(start, -1, key.substring(key.indexOf('|') + 1), "")));
        List<Long> seconds = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> latency = new ArrayList<>();
        for (long bin = 0; bin <= last / BIN_MILLIS; bin++) {
            long[] values = bins.getOrDefault(bin, new long[2]);
            seconds.add(bin * BIN_MILLIS / 1000);
            rate.add(values[0] * 1000.0 / BIN_MILLIS);
            latency.add(values[0] == 0 ? null : (double) values[1] / values[0]);
        }
        return new Series(seconds, rate, latency, faults);
    }
}
