package dev.orderflow.messaging.testing;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.schema.SchemaHistory;
import dev.orderflow.messaging.consumer.EventHandler;
import dev.orderflow.messaging.consumer.HandlerOutcome;
import dev.orderflow.messaging.consumer.IdempotentConsumer;
import dev.orderflow.messaging.consumer.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumers built against other schemas than the producer's, on the registry's wire format:
 * {@code OrderPlaced} read as revision 1 (before {@code customerNote}) and as the current class,
 * {@code PaymentCaptured} read only as v1 (whichever version was published).
 */
public final class ContractsApp {
    public static final String TOPIC = "test.contracts.events";

    private ContractsApp() {}

    /** What each consumer saw, by subject. */
    @ApplicationScoped
    public static class ContractsHandler implements EventHandler {
        /** OrderPlaced v1 as a consumer built against revision 1 reads it. */
        static final Schema ORDER_PLACED_REVISION_1 =
                SchemaHistory.revision(EventCatalog.of(dev.orderflow.events.order.v1.OrderPlaced.class), 1).schema();

        private final Map<String, GenericRecord> orderPlacedAsRevision1 = new ConcurrentHashMap<>();
        private final Map<String, dev.orderflow.events.order.v1.OrderPlaced> orderPlacedAsCurrent = new ConcurrentHashMap<>();
        private final Map<String, dev.orderflow.events.payment.v1.PaymentCaptured> paymentCapturedAsV1 = new ConcurrentHashMap<>();
        private final Map<String, Object> other = new ConcurrentHashMap<>();

        // Accessors, not fields: the test holds a client proxy, whose fields are not the bean's.
        public Map<String, GenericRecord> orderPlacedAsRevision1() {
            return orderPlacedAsRevision1;
        }

        public Map<String, dev.orderflow.events.order.v1.OrderPlaced> orderPlacedAsCurrent() {
            return orderPlacedAsCurrent;
        }

        public Map<String, dev.orderflow.events.payment.v1.PaymentCaptured> paymentCapturedAsV1() {
            return paymentCapturedAsV1;
        }

        public Map<String, Object> other() {
            return other;
        }

        @Override
        public String consumer() {
            return "contracts-consumer";
        }

        @Override
        public HandlerOutcome handle(IncomingEvent event) {
            switch (event.type()) {
                case EventTypes.ORDER_PLACED_V1 -> {
                    orderPlacedAsRevision1.put(event.subject(), event.decode(ORDER_PLACED_REVISION_1));
                    orderPlacedAsCurrent.put(event.subject(), event.decode(dev.orderflow.events.order.v1.OrderPlaced.class));
                }
                // A consumer that only knows v1: both versions are read as v1 (v2 through its adapter).
                case EventTypes.PAYMENT_CAPTURED_V1, EventTypes.PAYMENT_CAPTURED_V2 -> paymentCapturedAsV1.put(
                        event.subject(), event.decode(dev.orderflow.events.payment.v1.PaymentCaptured.class));
                default -> other.put(event.subject(), event.decode());
            }
            return HandlerOutcome.applied();
        }
    }

    @ApplicationScoped
    public static class ContractsChannel {
        @Inject
        IdempotentConsumer consumer;

        @Inject
        ContractsHandler handler;

        @Incoming("contracts-in")
        @Blocking
        public CompletionStage<Void> onEvent(Message<byte[]> message) {
            return consumer.consume(message, handler);
        }
    }
}
