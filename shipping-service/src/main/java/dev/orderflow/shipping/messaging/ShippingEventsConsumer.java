package dev.orderflow.shipping.messaging;

import dev.orderflow.messaging.consumer.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The Kafka channels shipping-service listens to; each delivery goes through the inbox to
 * {@link ShippingEventHandler}. The two channels run concurrently: the handler's use cases lock
 * the order's row, so events of one order are still decided one at a time.
 */
@ApplicationScoped
public class ShippingEventsConsumer {
    private final IdempotentConsumer consumer;
    private final ShippingEventHandler handler;

    ShippingEventsConsumer(IdempotentConsumer consumer, ShippingEventHandler handler) {
        this.consumer = consumer;
        this.handler = handler;
    }

    /** {@code orders.events}: OrderPlaced, OrderCancellationRequested. */
    @Incoming("orders-in")
    @Blocking
    public CompletionStage<Void> onOrderEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }

    /** {@code payments.events}: PaymentCaptured. */
    @Incoming("payments-in")
    @Blocking
    public CompletionStage<Void> onPaymentEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }
}
