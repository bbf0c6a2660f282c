package dev.orderflow.console.events;

import dev.orderflow.events.CloudEventHeaders;
import java.time.Instant;
import java.util.Map;

/**
 * One event as it travelled: its CloudEvents headers and where Kafka put it.
 *
 * @param appendedAt when the producer appended it to its outbox ({@code ce_time})
 * @param publishedAt when the broker got it (the record's timestamp)
 */
public record SagaEvent(String key, String topic, int partition, long offset, Instant appendedAt, Instant publishedAt,
        Map<String, String> headers) {

    public String id() {
        return headers.get(CloudEventHeaders.ID);
    }

    /** {@code dev.orderflow.payment.PaymentCaptured.v1}. */
    public String type() {
        return headers.getOrDefault(CloudEventHeaders.TYPE, "?");
    }

    /** {@code PaymentCaptured}. */
    public String name() {
        String[] parts = type().split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type();
    }

    /** {@code v1}. */
    public String version() {
        String[] parts = type().split("\\.");
        return parts.length >= 2 ? parts[parts.length - 1] : "";
    }

    /** The producing service, from {@code ce_source} ({@code /orderflow/payment-service}). */
    public String service() {
        String source = headers.getOrDefault(CloudEventHeaders.SOURCE, "?");
        return source.substring(source.lastIndexOf('/') + 1);
    }

    public String sequence() {
        return headers.getOrDefault(CloudEventHeaders.SEQUENCE, "");
    }

    public String correlationId() {
        return headers.getOrDefault(CloudEventHeaders.CORRELATION_ID, "");
    }

    public String causationId() {
        return headers.getOrDefault(CloudEventHeaders.CAUSATION_ID, "");
    }

    /** The W3C trace id, when the event carries a {@code traceparent}. */
    public String traceId() {
        String traceparent = headers.get(CloudEventHeaders.TRACEPARENT);
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length >= 3 ? parts[1] : null;
    }

    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
