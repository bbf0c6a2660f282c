package dev.orderflow.messaging.outbox;

import dev.orderflow.events.CloudEventHeaders;
import java.util.Objects;

/**
 * What a use case hands to the {@link Outbox}: the fact, already serialised, and where it goes.
 * Id, sequence, time, correlation, causation and trace are added by the outbox.
 *
 * @param aggregateId becomes {@code ce_subject} and the Kafka key (one aggregate, one partition)
 * @param eventType the wire name, a constant from {@code dev.orderflow.events.EventTypes}
 * @param correlationId null to inherit it from the event being handled, or start a new one
 */
public record OutboxEvent(
        String aggregateType,
        String aggregateId,
        String eventType,
        String topic,
        byte[] payload,
        String contentType,
        String correlationId) {

    public OutboxEvent {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }

    /** An Avro-binary event (the platform's content type). */
    public static OutboxEvent of(String aggregateType, String aggregateId, String eventType, String topic, byte[] payload) {
        return new OutboxEvent(aggregateType, aggregateId, eventType, topic, payload, CloudEventHeaders.AVRO_BINARY, null);
    }

    public OutboxEvent withContentType(String newContentType) {
        return new OutboxEvent(aggregateType, aggregateId, eventType, topic, payload, newContentType, correlationId);
    }

    /** Starts (or continues) a correlation explicitly, e.g. from an HTTP request's correlation header. */
    public OutboxEvent withCorrelationId(String newCorrelationId) {
        return new OutboxEvent(aggregateType, aggregateId, eventType, topic, payload, contentType, newCorrelationId);
    }
}
