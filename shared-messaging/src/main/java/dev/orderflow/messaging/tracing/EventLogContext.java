package dev.orderflow.messaging.tracing;

import dev.orderflow.events.CloudEventHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * The ids of the event being handled, in the logging MDC for as long as it is handled: every log
 * line written meanwhile (JSON or plain) carries the order id, event id, correlation id, causation
 * id and trace id. Restores what was there before on close (nested handling, pooled threads).
 */
public final class EventLogContext implements AutoCloseable {
    /** MDC keys; the aggregate id is the order id everywhere in orderflow (every event is keyed by it). */
    public static final String ORDER_ID = "orderId";
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private final Map<String, Object> previous = new HashMap<>();

    private EventLogContext(Map<String, String> values) {
        values.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }

    /** From an event's CloudEvents headers and the span handling it. */
    public static EventLogContext of(Map<String, String> headers, Span span) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ORDER_ID, headers.get(CloudEventHeaders.SUBJECT));
        values.put(EVENT_ID, headers.get(CloudEventHeaders.ID));
        values.put(EVENT_TYPE, headers.get(CloudEventHeaders.TYPE));
        values.put(CORRELATION_ID, headers.get(CloudEventHeaders.CORRELATION_ID));
        values.put(CAUSATION_ID, headers.get(CloudEventHeaders.CAUSATION_ID));
        putTrace(values, span);
        return new EventLogContext(values);
    }

    /** For a request that starts or touches an order (e.g. {@code POST /orders}). */
    public static EventLogContext ofOrder(String orderId, String correlationId, Span span) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ORDER_ID, orderId);
        values.put(CORRELATION_ID, correlationId);
        putTrace(values, span);
        return new EventLogContext(values);
    }

    private static void putTrace(Map<String, String> values, Span span) {
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            values.put(TRACE_ID, context.getTraceId());
            values.put(SPAN_ID, context.getSpanId());
        }
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
