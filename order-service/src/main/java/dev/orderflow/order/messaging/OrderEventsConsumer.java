package dev.orderflow.order.messaging;

import dev.orderflow.messaging.consumer.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The Kafka channels order-service follows the saga on; each delivery goes through the inbox to {@link OrderEventHandler}. */
@ApplicationScoped
public class OrderEventsConsumer {
    private final IdempotentConsumer consumer;
    private final OrderEventHandler handler;

    OrderEventsConsumer(IdempotentConsumer consumer, OrderEventHandler handler) {
        this.consumer = consumer;
        this.handler = handler;
    }

    /** {@code inventory.events}: InventoryReserved, InventoryRejected, InventoryReleased. */
    @Incoming("inventory-in")
    @Blocking
    public CompletionStage<Void> onInventoryEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }

    /** {@code payments.events}: PaymentCaptured. */
    @Incoming("payments-in")
    @Blocking
    public CompletionStage<Void> onPaymentEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }

    /** {@code shipping.events}: ShipmentScheduled. */
    @Incoming("shipping-in")
    @Blocking
    public CompletionStage<Void> onShippingEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }
}
