package dev.orderflow.inventory.messaging;

import dev.orderflow.messaging.consumer.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The Kafka channels inventory-service listens to; each delivery goes through the inbox to {@link InventoryEventHandler}. */
@ApplicationScoped
public class InventoryEventsConsumer {
    private final IdempotentConsumer consumer;
    private final InventoryEventHandler handler;

    InventoryEventsConsumer(IdempotentConsumer consumer, InventoryEventHandler handler) {
        this.consumer = consumer;
        this.handler = handler;
    }

    /** {@code orders.events}: OrderPlaced. */
    @Incoming("orders-in")
    @Blocking
    public CompletionStage<Void> onOrderEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }

    /** {@code payments.events}: PaymentFailed. */
    @Incoming("payments-in")
    @Blocking
    public CompletionStage<Void> onPaymentEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }

    /** {@code shipping.events}: ShipmentScheduled, ShipmentCancelled. */
    @Incoming("shipping-in")
    @Blocking
    public CompletionStage<Void> onShippingEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }
}
