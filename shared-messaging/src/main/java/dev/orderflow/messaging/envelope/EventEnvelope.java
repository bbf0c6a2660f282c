package dev.orderflow.messaging.envelope;

import dev.orderflow.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents 1.0 attributes of one event, as carried in Kafka binary mode: every attribute is a
 * {@code ce_*} header, the payload is the record value, the key is the aggregate id.
 *
 * @param id the dedupe key consumers record in their inbox
 * @param subject the aggregate id; also the Kafka key, so one aggregate stays on one partition
 * @param sequence the producer's per-aggregate sequence (1, 2, 3 ...), for stale/gap detection
 * @param causationId the id of the event that caused this one (its own id for a root event)
 * @param traceparent W3C trace context, may be null
 */
public record EventEnvelope(
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        long sequence,
        String correlationId,
        String causationId,
        String traceparent,
        String contentType) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }

    /** The Kafka headers of this event (binary content mode), in a stable order. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, id.toString());
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.TIME, time.toString());
        headers.put(CloudEventHeaders.SEQUENCE, Long.toString(sequence));
        putIfPresent(headers, CloudEventHeaders.CONTENT_TYPE, contentType);
        putIfPresent(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        putIfPresent(headers, CloudEventHeaders.CAUSATION_ID, causationId);
        putIfPresent(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        return headers;
    }

    /**
     * Reads the envelope back. A record without the mandatory attributes can never be processed,
     * whatever we retry: that is a permanent failure ({@link MalformedEnvelopeException}).
     */
    public static EventEnvelope fromHeaders(Map<String, String> headers) {
        String specVersion = headers.get(CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEnvelopeException("unsupported or missing " + CloudEventHeaders.SPEC_VERSION + ": " + specVersion);
        }
        try {
            return new EventEnvelope(
                    UUID.fromString(required(headers, CloudEventHeaders.ID)),
                    required(headers, CloudEventHeaders.TYPE),
                    required(headers, CloudEventHeaders.SOURCE),
                    required(headers, CloudEventHeaders.SUBJECT),
                    Instant.parse(required(headers, CloudEventHeaders.TIME)),
                    Long.parseLong(required(headers, CloudEventHeaders.SEQUENCE)),
                    headers.get(CloudEventHeaders.CORRELATION_ID),
                    headers.get(CloudEventHeaders.CAUSATION_ID),
                    headers.get(CloudEventHeaders.TRACEPARENT),
                    headers.get(CloudEventHeaders.CONTENT_TYPE));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEnvelopeException("invalid CloudEvents header: " + e.getMessage(), e);
        }
    }

    /** Kafka headers as strings; the last value wins when a header repeats. */
    public static Map<String, String> headerMap(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        if (headers != null) {
            for (Header header : headers) {
                map.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEnvelopeException("missing header " + name);
        }
        return value;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }
}
