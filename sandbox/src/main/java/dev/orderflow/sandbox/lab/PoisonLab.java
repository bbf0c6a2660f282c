package dev.orderflow.sandbox.lab;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.messaging.envelope.MessagingHeaders;
import dev.orderflow.sandbox.chaos.fault.Fault;
import dev.orderflow.sandbox.demo.EventReader.ReceivedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code poison}: a record no consumer can decode (the chaos fault {@code poison}: valid CloudEvents
 * headers around a payload that is not Avro) is published on {@code inventory.events} keyed by a
 * just-placed order, so it lands on that order's partition ahead of its {@code InventoryReserved}
 * (the delivery stage holds {@code orders.events} meanwhile: inventory cannot reserve before the
 * poison is there). Without failure classification order-service retries the poison as if the
 * failure were transient, forever: its partition is blocked and the order stays {@code PLACED}
 * behind it. With classification the poison goes to {@code inventory.events.dlq} with its reason
 * and the order completes. payment-service reads the same topic with classification on in both
 * runs and dead-letters its copy at once.
 */
final class PoisonLab implements Lab {
    static final String SERVICE = "order-service";
    static final String NO_FAILURE_CLASSIFICATION = "orderflow.messaging.naive.no-failure-classification";
    /** How long the naive run watches the blocked order; a happy order completes in a few seconds. */
    static final Duration BLOCKED_FOR = Duration.ofSeconds(10);
    private static final Duration SAGA_BOUND = Duration.ofSeconds(30);
    private static final Duration EVENTS_BOUND = Duration.ofSeconds(30);
    private static final String DLQ = Topics.deadLetterTopicOf(Topics.INVENTORY);
    private static final Pattern RETRIES =
            Pattern.compile("^orderflow_consumer_transient_retries_total\\{[^}]*\\}\\s+(\\S+)", Pattern.MULTILINE);

    @Override
    public String name() {
        return "poison";
    }

    @Override
    public String summary() {
        return "an undecodable record on an order's partition, ahead of its InventoryReserved";
    }

    @Override
    public LabResult run(LabBench bench, long seed) throws InterruptedException {
        bench.step("%s restarts with failure classification OFF (every failure retried as transient)", SERVICE);
        bench.platform().restart(SERVICE, Map.of(NO_FAILURE_CLASSIFICATION, "true"));
        Poisoned naive;
        Outcome blocked;
        try {
            long retriesBefore = retries(bench);
            naive = poisonNextOrder(bench, "lab-poison-naive-" + seed, seed);
            bench.awaitTerminal(List.of(naive.orderId()), BLOCKED_FOR);
            blocked = outcome(bench, naive, BLOCKED_FOR.toSeconds(), retriesBefore, readiness(bench));
        } finally {
            // Whatever happened above, the platform goes on with every pattern on.
            bench.step("%s restarts with failure classification ON", SERVICE);
            bench.platform().restart(SERVICE);
        }
        long begin = System.nanoTime();
        bench.awaitTerminal(List.of(naive.orderId()), SAGA_BOUND);
        Outcome recovered = outcome(bench, naive, Duration.ofNanos(System.nanoTime() - begin).toSeconds(), 0, null);

        long retriesBefore = retries(bench);
        begin = System.nanoTime();
        Poisoned pattern = poisonNextOrder(bench, "lab-poison-pattern-" + seed, seed + 1);
        bench.awaitTerminal(List.of(pattern.orderId()), SAGA_BOUND);
        Outcome completed = outcome(bench, pattern, Duration.ofNanos(System.nanoTime() - begin).toSeconds(), retriesBefore, null);

        boolean damageShown = naive.ahead() && "PLACED".equals(blocked.status()) && blocked.retries() > 0
                && blocked.letter(SERVICE) == null;
        boolean prevented = pattern.ahead() && "SHIPPED".equals(completed.status()) && hasReason(completed.letter(SERVICE))
                && "SHIPPED".equals(recovered.status()) && hasReason(recovered.letter(SERVICE));
        List<String> naiveEvidence = List.of(
                naive.describe(),
                SERVICE + " retried it " + blocked.retries() + " time(s) in " + blocked.seconds() + " s as a transient failure"
                        + " (readiness " + blocked.readiness() + "); order " + naive.orderId() + " still " + blocked.status()
                        + " behind it on " + naive.where(),
                blocked.deadLetters(naive, true));
        List<String> patternEvidence = List.of(
                SERVICE + " restarted with classification on: " + recovered.deadLetters(naive, false) + " (the same poison); order "
                        + naive.orderId() + " " + recovered.status() + " " + recovered.seconds() + " s later",
                pattern.describe(),
                completed.deadLetters(pattern, true) + "; " + SERVICE + " retried it " + completed.retries() + " time(s); order "
                        + pattern.orderId() + " " + completed.status() + " " + completed.seconds() + " s after it was placed");
        return new LabResult(name(),
                new LabResult.Half("without failure classification (every failure retried as transient):", naiveEvidence),
                new LabResult.Half("with failure classification:", patternEvidence),
                damageShown, prevented);
    }

    /**
     * An order just placed, and the poison record published with its key while {@code orders.events}
     * is held, read back from {@code inventory.events} with the order's real reservation.
     */
    private record Poisoned(String orderId, String poisonId, ReceivedEvent poison, ReceivedEvent reserved) {
        /** The poison is on the order's partition, before its InventoryReserved. */
        boolean ahead() {
            return poison != null && reserved != null && poison.partition() == reserved.partition()
                    && poison.offset() < reserved.offset();
        }

        String where() {
            return poison == null ? Topics.INVENTORY : Topics.INVENTORY + " partition " + poison.partition();
        }

        String describe() {
            String headline = "order " + orderId + " placed; poison record " + poisonId
                    + " (an InventoryReserved whose payload is not Avro) published with its key";
            if (!ahead()) {
                return headline + ", but not seen ahead of its InventoryReserved on " + Topics.INVENTORY + " within "
                        + EVENTS_BOUND.toSeconds() + " s";
            }
            return headline + " on " + where() + " at offset " + poison.offset() + ", ahead of its InventoryReserved (offset "
                    + reserved.offset() + ")";
        }
    }

    /**
     * What became of a poisoned order: its status, the consumer retries {@link #SERVICE} counted meanwhile,
     * its readiness (null when not asked) and the dead letters of the poison record by service.
     */
    private record Outcome(String status, long seconds, long retries, String readiness, Map<String, ReceivedEvent> letters) {
        ReceivedEvent letter(String service) {
            return letters.get(service);
        }

        /** {@link #SERVICE}'s dead letter of the poison (with its reason when {@code detailed}), then the other services'. */
        String deadLetters(Poisoned poisoned, boolean detailed) {
            List<String> lines = new ArrayList<>();
            ReceivedEvent own = letter(SERVICE);
            lines.add(own == null
                    ? "nothing dead-lettered by " + SERVICE + " on " + DLQ
                    : SERVICE + " dead-lettered " + poisoned.poisonId() + " to " + DLQ
                            + (detailed ? " (reason: " + own.header(MessagingHeaders.DEAD_LETTER_REASON) + ")" : ""));
            if (detailed) {
                letters.keySet().stream().filter(service -> !service.equals(SERVICE)).forEach(service ->
                        lines.add(service + " (classification on) dead-lettered its copy"));
            }
            return String.join("; ", lines);
        }
    }

    private static Poisoned poisonNextOrder(LabBench bench, String customer, long seed) {
        Fault hold = bench.chaos().newestFirstDelivery(Topics.ORDERS);
        hold.inject();
        String orderId;
        String poisonId;
        try {
            orderId = bench.placeHappyOrder(customer, new Random(seed));
            poisonId = bench.chaos().poison(Topics.INVENTORY, orderId);
            bench.step("order %s placed; poison %s published on %s with its key while %s is held", orderId, poisonId,
                    Topics.INVENTORY, Topics.ORDERS);
        } finally {
            // One record held (the order's OrderPlaced): released as it was, only later than the poison.
            hold.heal();
        }
        List<ReceivedEvent> onTopic = bench.events().read(List.of(Topics.INVENTORY), orderId, 2, EVENTS_BOUND);
        ReceivedEvent poison = onTopic.stream().filter(e -> poisonId.equals(e.header(CloudEventHeaders.ID))).findFirst().orElse(null);
        ReceivedEvent reserved = onTopic.stream()
                .filter(e -> EventTypes.INVENTORY_RESERVED_V1.equals(e.header(CloudEventHeaders.TYPE))
                        && !poisonId.equals(e.header(CloudEventHeaders.ID)))
                .findFirst().orElse(null);
        return new Poisoned(orderId, poisonId, poison, reserved);
    }

    /**
     * @param retriesBefore {@link #retries} when the phase began
     * @param readiness what {@link #SERVICE}'s readiness answered while blocked; null with classification on, when both
     *     consumers of the topic (order-service and payment-service) must have dead-lettered the poison
     */
    private static Outcome outcome(LabBench bench, Poisoned poisoned, long seconds, long retriesBefore, String readiness) {
        Map<String, ReceivedEvent> letters = new TreeMap<>();
        List<ReceivedEvent> onDlq = readiness != null
                ? bench.events().readUntilQuiet(List.of(DLQ), poisoned.orderId(), Duration.ofSeconds(2), Duration.ofSeconds(5))
                : bench.events().read(List.of(DLQ), poisoned.orderId(), 2, EVENTS_BOUND);
        onDlq.stream()
                .filter(letter -> poisoned.poisonId().equals(letter.header(CloudEventHeaders.ID)))
                .forEach(letter -> letters.put(letter.header(MessagingHeaders.DEAD_LETTER_SERVICE), letter));
        return new Outcome(bench.status(poisoned.orderId()), seconds, retries(bench) - retriesBefore, readiness, letters);
    }

    private static boolean hasReason(ReceivedEvent letter) {
        return letter != null && letter.header(MessagingHeaders.DEAD_LETTER_REASON) != null
                && !letter.header(MessagingHeaders.DEAD_LETTER_REASON).isBlank();
    }

    /** The consumer retries {@link #SERVICE} counted since it started ({@code orderflow.consumer.transient.retries}). */
    private static long retries(LabBench bench) {
        Matcher match = RETRIES.matcher(bench.client().metrics(SERVICE));
        long retries = 0;
        while (match.find()) {
            retries += (long) Double.parseDouble(match.group(1));
        }
        return retries;
    }

    /** What {@link #SERVICE}'s readiness endpoint answers: UP (200) or DOWN (503). */
    private static String readiness(LabBench bench) {
        try {
            int status = bench.client().readiness(SERVICE).status();
            return (status == 200 ? "UP" : "DOWN") + ", HTTP " + status;
        } catch (IllegalStateException noAnswer) {
            return "no answer: " + noAnswer.getMessage();
        }
    }
}
