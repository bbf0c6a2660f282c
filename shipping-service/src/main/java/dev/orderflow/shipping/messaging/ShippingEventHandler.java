package dev.orderflow.shipping.messaging;

import dev.orderflow.events.EventTypes;
import dev.orderflow.events.order.v1.Address;
import dev.orderflow.events.order.v1.OrderCancellationRequested;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.messaging.failure.PermanentFailureException;
import dev.orderflow.messaging.consumer.EventHandler;
import dev.orderflow.messaging.consumer.HandlerOutcome;
import dev.orderflow.messaging.consumer.IncomingEvent;
import dev.orderflow.shipping.domain.ShipTo;
import dev.orderflow.shipping.domain.ShippingContradiction;
import dev.orderflow.shipping.service.ShippingOutcome;
import dev.orderflow.shipping.service.ShippingService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * shipping-service's reaction to the saga, for both its topics (one consumer name, so the inbox
 * and parking are shared: a capture parked on payments.events is released by OrderPlaced on
 * orders.events). Runs inside the inbox transaction:
 *
 * <ul>
 *   <li>{@code OrderPlaced} → remember the order and its address ({@code AWAITING_PAYMENT})
 *   <li>{@code PaymentCaptured} (v1 or v2: payment publishes both while it migrates) → schedule
 *       the one shipment → {@code ShipmentScheduled}
 *   <li>{@code OrderCancellationRequested} → if not scheduled yet → {@code ShipmentCancelled}
 *   <li>every other type on these topics → not handled: skipped (the sequence moves on, a twin still applies)
 * </ul>
 *
 * A capture or cancellation of an order whose {@code OrderPlaced} is not applied yet is parked; a
 * contradiction of shipping's state and an undecodable or invalid payload are permanent failures.
 */
@ApplicationScoped
public class ShippingEventHandler implements EventHandler {
    static final String CONSUMER = "shipping-service";

    private static final String ORDER_ID = "orderId";

    private final ShippingService shipping;

    ShippingEventHandler(ShippingService shipping) {
        this.shipping = shipping;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public HandlerOutcome handle(IncomingEvent event) {
        try {
            return switch (event.type()) {
                case EventTypes.ORDER_PLACED_V1 -> remember(event);
                case EventTypes.PAYMENT_CAPTURED_V1 -> {
                    event.payloadAs(dev.orderflow.events.payment.v1.PaymentCaptured.class, ORDER_ID);
                    yield outcome(event, shipping.schedule(event.subjectAsUuid()));
                }
                case EventTypes.PAYMENT_CAPTURED_V2 -> {
                    event.payloadAs(dev.orderflow.events.payment.v2.PaymentCaptured.class, ORDER_ID);
                    yield outcome(event, shipping.schedule(event.subjectAsUuid()));
                }
                case EventTypes.ORDER_CANCELLATION_REQUESTED_V1 -> {
                    OrderCancellationRequested request = event.payloadAs(OrderCancellationRequested.class, ORDER_ID);
                    yield outcome(event, shipping.cancel(event.subjectAsUuid(), request.getReason()));
                }
                default -> HandlerOutcome.notHandled();
            };
        } catch (ShippingContradiction contradiction) {
            throw new PermanentFailureException(contradiction.getMessage(), contradiction);
        }
    }

    private HandlerOutcome remember(IncomingEvent event) {
        OrderPlaced placed = event.payloadAs(OrderPlaced.class, ORDER_ID);
        UUID orderId = event.subjectAsUuid();
        Address address = placed.getShippingAddress();
        ShipTo shipTo;
        try {
            shipTo = new ShipTo(address.getName(), address.getStreet(), address.getCity(), address.getPostalCode(),
                    address.getCountry());
        } catch (IllegalArgumentException invalid) {
            throw new PermanentFailureException("OrderPlaced " + orderId + " cannot be shipped: " + invalid.getMessage(), invalid);
        }
        return outcome(event, shipping.remember(orderId, shipTo));
    }

    /** Only an order shipping has not met yet makes an event wait; ignored ones are logged by the service. */
    private static HandlerOutcome outcome(IncomingEvent event, ShippingOutcome outcome) {
        return outcome == ShippingOutcome.UNKNOWN_ORDER ? HandlerOutcome.awaiting("OrderPlaced " + event.subject()) : HandlerOutcome.applied();
    }
}
