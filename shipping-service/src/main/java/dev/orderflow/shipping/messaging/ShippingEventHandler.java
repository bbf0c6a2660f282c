package dev.orderflow.shipping.messaging;

import dev.orderflow.events.EventTypes;
import dev.orderflow.events.order.v1.Address;
import dev.orderflow.events.order.v1.OrderCancellationRequested;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.messaging.failure.PermanentFailureException;
import dev.orderflow.messaging.inbox.EventHandler;
import dev.orderflow.messaging.inbox.HandlerOutcome;
import dev.orderflow.messaging.inbox.IncomingEvent;
import dev.orderflow.shipping.domain.ShipTo;
import dev.orderflow.shipping.domain.ShippingContradiction;
import dev.orderflow.shipping.service.ShippingOutcome;
import dev.orderflow.shipping.service.ShippingService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * shipping-service's reaction to the saga, for both its channels (one consumer name, so the inbox
 * and parking are shared: a capture parked on payments.events is released by OrderPlaced on
 * orders.events). Runs inside the inbox transaction:
 *
 * <ul>
 *   <li>{@code OrderPlaced} → remember the order and its address ({@code AWAITING_PAYMENT})
 *   <li>{@code PaymentCaptured} (v1 or v2: payment publishes both while it migrates) → schedule
 *       the one shipment → {@code ShipmentScheduled}
 *   <li>{@code OrderCancellationRequested} → if not scheduled yet → {@code ShipmentCancelled}
 *   <li>every other type on these topics → consumed without effect (keeps the sequence moving)
 * </ul>
 *
 * A capture or cancellation of an order whose {@code OrderPlaced} is not applied yet is parked; a
 * contradiction of shipping's state and an undecodable or invalid payload are permanent failures.
 */
@ApplicationScoped
public class ShippingEventHandler implements EventHandler {
    static final String CONSUMER = "shipping-service";

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
                case EventTypes.PAYMENT_CAPTURED_V1 -> outcome(event, shipping.schedule(
                        orderIdOf(event, dev.orderflow.events.payment.v1.PaymentCaptured.class,
                                dev.orderflow.events.payment.v1.PaymentCaptured::getOrderId)));
                case EventTypes.PAYMENT_CAPTURED_V2 -> outcome(event, shipping.schedule(
                        orderIdOf(event, dev.orderflow.events.payment.v2.PaymentCaptured.class,
                                dev.orderflow.events.payment.v2.PaymentCaptured::getOrderId)));
                case EventTypes.ORDER_CANCELLATION_REQUESTED_V1 -> {
                    OrderCancellationRequested request = decode(event, OrderCancellationRequested.class);
                    UUID orderId = subjectMatching(event, request.getOrderId());
                    yield outcome(event, shipping.cancel(orderId, request.getReason()));
                }
                default -> HandlerOutcome.applied();
            };
        } catch (ShippingContradiction contradiction) {
            throw new PermanentFailureException(contradiction.getMessage(), contradiction);
        }
    }

    private HandlerOutcome remember(IncomingEvent event) {
        OrderPlaced placed = decode(event, OrderPlaced.class);
        UUID orderId = subjectMatching(event, placed.getOrderId());
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

    private static <T extends SpecificRecord> UUID orderIdOf(IncomingEvent event, Class<T> type, Function<T, CharSequence> orderId) {
        return subjectMatching(event, orderId.apply(decode(event, type)));
    }

    private static <T extends SpecificRecord> T decode(IncomingEvent event, Class<T> type) {
        return event.decode(type); // writer's schema from the registry; failures are classified
    }

    /** The payload's order must be the record's key (the saga's order id, a UUID), or the event can never be applied. */
    private static UUID subjectMatching(IncomingEvent event, CharSequence payloadOrderId) {
        if (!event.subject().equals(String.valueOf(payloadOrderId))) {
            throw new PermanentFailureException(event.type() + " for order " + payloadOrderId + " arrived with subject " + event.subject());
        }
        try {
            return UUID.fromString(event.subject());
        } catch (IllegalArgumentException notAnOrderId) {
            throw new PermanentFailureException(event.type() + " names order " + event.subject() + ", which is not a UUID", notAnOrderId);
        }
    }
}
