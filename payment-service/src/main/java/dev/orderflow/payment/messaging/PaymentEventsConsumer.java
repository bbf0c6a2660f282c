package dev.orderflow.payment.messaging;

import dev.orderflow.messaging.consumer.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The Kafka channels payment-service listens to; each delivery goes through the inbox to {@link PaymentEventHandler}. */
@ApplicationScoped
public class PaymentEventsConsumer {
    private final IdempotentConsumer consumer;
    private final PaymentEventHandler handler;

    PaymentEventsConsumer(IdempotentConsumer consumer, PaymentEventHandler handler) {
        this.consumer = consumer;
        this.handler = handler;
    }

    /** {@code orders.events}: OrderPlaced. */
    @Incoming("orders-in")
    @Blocking
    public CompletionStage<Void> onOrderEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }

    /** {@code inventory.events}: InventoryReserved. */
    @Incoming("inventory-in")
    @Blocking
    public CompletionStage<Void> onInventoryEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }

    /** {@code shipping.events}: ShipmentCancelled. */
    @Incoming("shipping-in")
    @Blocking
    public CompletionStage<Void> onShippingEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }
}
