package dev.orderflow.sandbox.lab;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.Topics;
import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.platform.ServiceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code trace}: one order's trace across the four services, read from the {@code traceparent}
 * every published event carries (the services' own record of the trace they worked under). With
 * the relay publishing outside the trace stored with each outbox row, each event starts a new trace
 * and no trace covers more than one service; with the stored trace continued, one trace id runs
 * from the order's request through all four services.
 */
final class TraceLab implements Lab {
    static final String NO_TRACE_PROPAGATION = "orderflow.messaging.naive.no-trace-propagation";
    private static final Duration SAGA_BOUND = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String summary() {
        return "one order's trace across four services, carried through Kafka by the outbox relay";
    }

    @Override
    public LabResult run(LabBench bench, long seed) throws InterruptedException {
        List<String> services = bench.platform().layout().services().stream().map(ServiceSpec::name).toList();
        bench.step("the %d services restart with trace propagation OFF (the relay drops each row's trace)", services.size());
        bench.platform().restart(services, Map.of(NO_TRACE_PROPAGATION, "true"));
        Phase naive = phase(bench, "lab-trace-naive-" + seed, seed);
        bench.step("the %d services restart with trace propagation ON", services.size());
        bench.platform().restart(services, Map.of());
        Phase pattern = phase(bench, "lab-trace-pattern-" + seed, seed + 1);

        boolean damageShown = naive.traces().size() > 1
                && naive.traces().values().stream().allMatch(producers -> producers.size() == 1);
        boolean prevented = pattern.running().isEmpty() && pattern.traces().size() == 1
                && pattern.traces().values().iterator().next().containsAll(services);
        return new LabResult(name(),
                new LabResult.Half("without trace propagation (the relay publishes outside the row's trace):", naive.evidence()),
                new LabResult.Half("with the trace carried in each event's traceparent:", pattern.evidence()),
                damageShown, prevented);
    }

    /** One half: an order, its events with the trace each carries, and trace id → the services that published under it. */
    private record Phase(String orderId, List<String> running, List<EventReader.ReceivedEvent> events,
                         Map<String, Set<String>> traces) {
        List<String> evidence() {
            List<String> lines = new ArrayList<>();
            lines.add("order " + orderId + ": " + events.size() + " events, under " + traces.size()
                    + (traces.size() == 1 ? " trace" : " different traces"));
            traces.forEach((trace, producers) -> lines.add("trace " + trace + ": published by " + String.join(", ", producers)));
            for (EventReader.ReceivedEvent event : events) {
                lines.add(event.header(CloudEventHeaders.TYPE) + " from " + producer(event) + ": trace " + traceId(event));
            }
            if (!running.isEmpty()) {
                lines.add("still running after " + SAGA_BOUND.toSeconds() + " s: " + running);
            }
            return lines;
        }
    }

    private static Phase phase(LabBench bench, String customer, long seed) throws InterruptedException {
        String orderId = bench.placeHappyOrder(customer, new Random(seed));
        bench.step("placed order %s", orderId);
        List<String> running = bench.awaitTerminal(List.of(orderId), SAGA_BOUND);
        List<EventReader.ReceivedEvent> events = bench.events()
                .readUntilQuiet(Topics.ALL, orderId, Duration.ofSeconds(2), Duration.ofSeconds(10));
        Map<String, Set<String>> traces = new LinkedHashMap<>();
        events.forEach(event -> traces.computeIfAbsent(traceId(event), id -> new LinkedHashSet<>()).add(producer(event)));
        return new Phase(orderId, running, events, traces);
    }

    /** The trace id of the event's W3C traceparent ({@code 00-<trace>-<span>-<flags>}), or "none". */
    static String traceId(EventReader.ReceivedEvent event) {
        String traceparent = event.header(CloudEventHeaders.TRACEPARENT);
        String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
        return parts.length == 4 ? parts[1] : "none";
    }

    /** The publishing service, from {@code ce_source} ({@code /orderflow/<service>}). */
    private static String producer(EventReader.ReceivedEvent event) {
        String source = String.valueOf(event.header(CloudEventHeaders.SOURCE));
        return source.substring(source.lastIndexOf('/') + 1);
    }
}
