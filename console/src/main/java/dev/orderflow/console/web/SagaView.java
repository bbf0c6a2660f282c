package dev.orderflow.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.console.events.SagaEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An order's saga as the page draws it: the REST state and history, and the events from the topics. */
public record SagaView(String orderId, String customer, String status, String total, String currency, List<String> lines,
        List<Step> steps, List<EventRow> events, String cancellation, String story, String traceLink, boolean terminal) {

    public static final List<String> LANES = List.of("order-service", "inventory-service", "payment-service", "shipping-service");
    /** Events that undo an earlier step. */
    static final Set<String> COMPENSATIONS = Set.of("InventoryReleased", "PaymentRefunded", "ShipmentCancelled");
    static final Set<String> TERMINAL = Set.of("SHIPPED", "REJECTED", "CANCELLED");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public String shortId() {
        return shortId(orderId);
    }

    public record Step(String from, String to, String event, String sequence, String at) {}

    /**
     * One event. Hops: appended (ce_time) → published (the broker's timestamp) → consumed (when
     * order-service applied it, from its history; the other services do not publish that).
     */
    public record EventRow(int number, String id, String shortId, String service, int lane, String name, String version,
            String sequence, String position, String causationId, String causedBy, String correlationId, String sinceStart,
            String appended, String toPublished, String toConsumed, boolean compensation) {

        public String correlationShort() {
            return SagaView.shortId(correlationId);
        }

        /** Grid column of the swimlane (1-based, after the number column). */
        public int column() {
            return lane + 2;
        }
    }

    static SagaView of(JsonNode order, List<SagaEvent> events, Optional<String> traceUi) {
        Map<String, Instant> appliedByOrderService = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : order.path("history")) {
            Instant at = Instant.parse(step.path("at").asText());
            steps.add(new Step(step.path("from").asText("—"), step.path("to").asText(), shortType(step.path("eventType").asText()),
                    step.path("sequence").asText(), CLOCK.format(at)));
            appliedByOrderService.put(step.path("eventId").asText(), at);
        }
        List<EventRow> rows = new ArrayList<>();
        Map<String, Integer> numberOf = new HashMap<>();
        Instant start = events.isEmpty() ? null : events.getFirst().appendedAt();
        for (SagaEvent event : events) {
            int number = rows.size() + 1;
            numberOf.put(event.id(), number);
            Integer cause = numberOf.get(event.causationId());
            // order-service's history also records what it did itself (PLACED): consumed only for others' events.
            Instant consumed = "order-service".equals(event.service()) ? null : appliedByOrderService.get(event.id());
            rows.add(new EventRow(number, event.id(), shortId(event.id()), event.service(), Math.max(0, LANES.indexOf(event.service())),
                    event.name(), event.version(), event.sequence(), event.position(), event.causationId(),
                    causedBy(event, cause),
                    event.correlationId(), "+" + Duration.between(start, event.appendedAt()).toMillis() + " ms",
                    CLOCK.format(event.appendedAt()), millis(event.appendedAt(), event.publishedAt()),
                    consumed == null ? "" : millis(event.publishedAt(), consumed), COMPENSATIONS.contains(event.name())));
        }
        List<String> lines = new ArrayList<>();
        order.path("lines").forEach(l -> lines.add(l.path("quantity").asInt() + " × " + l.path("sku").asText() + " at "
                + money(l.path("unitPrice"))));
        String status = order.path("status").asText();
        String cancellation = order.path("cancellation").path("outcome").asText(null);
        String trace = traceUi.flatMap(ui -> events.stream().map(SagaEvent::traceId).filter(t -> t != null).findFirst()
                .map(id -> ui.replaceAll("/$", "") + "/trace/" + id)).orElse(null);
        return new SagaView(order.path("orderId").asText(), order.path("customerId").asText(), status,
                money(order.path("total")), order.path("currency").asText(), lines, steps, rows, cancellation,
                story(status, cancellation, rows), trace, TERMINAL.contains(status));
    }

    /** The outcome in words, from what happened (the cancel race above all). */
    static String story(String status, String cancellation, List<EventRow> events) {
        Set<String> names = new java.util.HashSet<>();
        events.forEach(e -> names.add(e.name()));
        if ("CANCELLED".equals(cancellation)) {
            return "The customer's cancellation won the race: shipping-service had not scheduled a shipment, so it "
                    + "published ShipmentCancelled; inventory released the stock" + (names.contains("PaymentRefunded")
                    ? " and payment refunded the captured amount (PaymentRefunded)." : " and payment did not capture (or had nothing to refund).")
                    + " No shipment exists.";
        }
        if ("REFUSED".equals(cancellation)) {
            return "The cancellation came too late: shipping-service had already scheduled the shipment (ShipmentScheduled), "
                    + "so it refused the cancellation. The order is SHIPPED and nothing was compensated — never a mix.";
        }
        if ("PENDING".equals(cancellation)) {
            return "A cancellation was asked for; shipping-service, the one place that can ship, is deciding the race.";
        }
        return switch (status) {
            case "SHIPPED" -> "Happy path: reserved, paid, shipped; inventory committed the reservation.";
            case "REJECTED" -> "Inventory could not reserve every line, so it reserved none (InventoryRejected): nothing to undo.";
            case "CANCELLED" -> names.contains("PaymentFailed")
                    ? "The payment failed (PaymentFailed), so inventory released the reserved stock (InventoryReleased): the compensation."
                    : "The order was cancelled and every completed step was undone.";
            default -> "In progress: the page follows the events as they arrive.";
        };
    }

    /** "#n" for an event of this saga, "—" for the first of a chain (a request started it). */
    private static String causedBy(SagaEvent event, Integer cause) {
        if (cause != null && !event.causationId().equals(event.id())) {
            return "#" + cause;
        }
        return "—";
    }

    private static String millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() + " ms";
    }

    /** Amounts as money: 2 decimals (the JSON number may say 29.5). */
    static String money(JsonNode amount) {
        return amount.isNumber() || amount.isTextual()
                ? new java.math.BigDecimal(amount.asText()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : "";
    }

    static String shortId(String id) {
        return id == null ? "" : id.length() > 8 ? id.substring(0, 8) : id;
    }

    static String shortType(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : type;
    }
}
