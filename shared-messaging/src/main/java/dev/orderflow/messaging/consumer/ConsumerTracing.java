package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.tracing.EventLogContext;
import dev.orderflow.messaging.tracing.MessagingSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;

/**
 * Runs one delivery (or one release of a parked event) inside its CONSUMER span, so events appended
 * meanwhile carry this span's trace, and with the event's ids in the logging MDC.
 */
final class ConsumerTracing {
    private final MessagingSpans spans;
    private final String consumer;

    ConsumerTracing(MessagingSpans spans, String consumer) {
        this.spans = spans;
        this.consumer = consumer;
    }

    <T> T traced(InboundRecord record, Supplier<T> work) {
        Span span = spans.startProcess(record.topic(), record.partition(), record.offset(), consumer, record.headers());
        try (Scope scope = span.makeCurrent(); EventLogContext logContext = EventLogContext.of(record.headers(), span)) {
            return work.get();
        } catch (RuntimeException e) {
            MessagingSpans.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }
}
