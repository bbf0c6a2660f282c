package dev.orderflow.messaging.envelope;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** W3C {@code traceparent} of the current OpenTelemetry span, so one trace spans every Kafka hop. */
public final class TraceContext {

    /** The current span as a traceparent, or null when no span is recording (no SDK, no trace). */
    public static String currentTraceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    private TraceContext() {}
}
