package dev.orderflow.messaging.tracing;

import dev.orderflow.events.CloudEventHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes;
import java.util.Map;

/**
 * The two messaging spans of the OpenTelemetry semantic conventions, continued from the W3C
 * {@code traceparent} an event carries: {@code publish <topic>} (PRODUCER, the relay sending an
 * outbox row, child of the context stored with the row) and {@code process <topic>} (CONSUMER, the
 * inbox handling a record, child of the record's {@code traceparent}).
 *
 * <p>Written here rather than taken from the Kafka instrumentation: the relay publishes rows long
 * after the request that wrote them ended, so the parent must come from the row, not from the
 * current context; and a parked event is processed again later, outside any Kafka poll.
 */
public final class MessagingSpans {
    private static final String INSTRUMENTATION = "dev.orderflow.messaging";
    private static final String KAFKA = "kafka";

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public MessagingSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /** No SDK (plain-JDBC child processes, unit tests): spans are no-ops, traceparents pass through. */
    public static MessagingSpans noop() {
        return new MessagingSpans(OpenTelemetry.noop());
    }

    /** PRODUCER span for publishing one outbox row; its parent is the trace stored with the row. */
    public Span startPublish(String topic, String key, Map<String, String> headers) {
        return tracer.spanBuilder("publish " + topic)
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parentOf(headers))
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_SYSTEM, KAFKA)
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_OPERATION_TYPE, "publish")
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_OPERATION_NAME, "publish")
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_DESTINATION_NAME, topic)
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_MESSAGE_ID, headers.getOrDefault(CloudEventHeaders.ID, ""))
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_KAFKA_MESSAGE_KEY, key)
                .setAttribute("cloudevents.event_type", headers.getOrDefault(CloudEventHeaders.TYPE, ""))
                .startSpan();
    }

    /** CONSUMER span for processing one record; its parent is the record's traceparent (the producer's span). */
    public Span startProcess(String topic, int partition, long offset, String consumerGroup, Map<String, String> headers) {
        return tracer.spanBuilder("process " + topic)
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parentOf(headers))
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_SYSTEM, KAFKA)
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_OPERATION_TYPE, "process")
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_OPERATION_NAME, "process")
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_DESTINATION_NAME, topic)
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_DESTINATION_PARTITION_ID, String.valueOf(partition))
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_KAFKA_OFFSET, offset)
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_CONSUMER_GROUP_NAME, consumerGroup)
                .setAttribute(MessagingIncubatingAttributes.MESSAGING_MESSAGE_ID, headers.getOrDefault(CloudEventHeaders.ID, ""))
                .setAttribute("cloudevents.event_type", headers.getOrDefault(CloudEventHeaders.TYPE, ""))
                .startSpan();
    }

    /** The span as a W3C traceparent, or null when it has no valid context (no SDK and no incoming trace). */
    public static String traceparent(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    public static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }

    private static Context parentOf(Map<String, String> headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS);
    }
}
