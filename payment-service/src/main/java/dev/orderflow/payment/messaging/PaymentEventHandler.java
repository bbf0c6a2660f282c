package dev.orderflow.payment.messaging;

import dev.orderflow.events.EventTypes;
import dev.orderflow.events.inventory.v1.InventoryReserved;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.events.shipping.v1.ShipmentCancelled;
import dev.orderflow.messaging.failure.PermanentFailureException;
import dev.orderflow.messaging.consumer.EventHandler;
import dev.orderflow.messaging.consumer.HandlerOutcome;
import dev.orderflow.messaging.consumer.IncomingEvent;
import dev.orderflow.payment.domain.IllegalPaymentTransition;
import dev.orderflow.payment.service.PaymentOutcome;
import dev.orderflow.payment.service.PaymentService;
import dev.orderflow.payment.service.RememberOrder;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * payment-service's reaction to the saga, for all its topics (one consumer name, so the inbox
 * and parking are shared). Runs inside the inbox transaction:
 *
 * <ul>
 *   <li>{@code OrderPlaced} → remember customer and total ({@code PENDING})
 *   <li>{@code InventoryReserved} → capture at the provider → {@code PaymentCaptured} | {@code PaymentFailed}
 *   <li>{@code ShipmentCancelled} → refund a capture → {@code PaymentRefunded}, or cancel a pending payment
 *   <li>every other type on these topics → not handled: skipped (the sequence moves on, a twin still applies)
 * </ul>
 *
 * An event for an order whose {@code OrderPlaced} is not applied yet (other topic) is parked; a
 * transition the payment table dead-letters and an undecodable or invalid payload are permanent
 * failures; a provider that does not answer is transient (retried with the same idempotency key).
 */
@ApplicationScoped
public class PaymentEventHandler implements EventHandler {
    static final String CONSUMER = "payment-service";
    /** The payload field every saga event names its order in; it must equal the record key. */
    private static final String ORDER_ID = "orderId";
    private static final Logger LOG = Logger.getLogger(PaymentEventHandler.class);

    private final PaymentService payments;

    PaymentEventHandler(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public HandlerOutcome handle(IncomingEvent event) {
        try {
            return switch (event.type()) {
                case EventTypes.ORDER_PLACED_V1 -> remember(event, event.payloadAs(OrderPlaced.class, ORDER_ID));
                case EventTypes.INVENTORY_RESERVED_V1 -> {
                    event.payloadAs(InventoryReserved.class, ORDER_ID);
                    yield outcome(event, payments.capture(event.subjectAsUuid()));
                }
                case EventTypes.SHIPMENT_CANCELLED_V1 -> {
                    event.payloadAs(ShipmentCancelled.class, ORDER_ID);
                    yield outcome(event, payments.cancel(event.subjectAsUuid()));
                }
                default -> HandlerOutcome.notHandled();
            };
        } catch (IllegalPaymentTransition refused) {
            throw new PermanentFailureException(refused.getMessage(), refused);
        }
    }

    private HandlerOutcome remember(IncomingEvent event, OrderPlaced placed) {
        RememberOrder order = new RememberOrder(event.subjectAsUuid(), placed.getCustomerId(), placed.getTotal().getAmount(),
                placed.getTotal().getCurrency());
        try {
            return outcome(event, payments.remember(order));
        } catch (IllegalArgumentException invalid) {
            throw new PermanentFailureException("OrderPlaced cannot be paid: " + invalid.getMessage(), invalid);
        }
    }

    private static HandlerOutcome outcome(IncomingEvent event, PaymentOutcome outcome) {
        return switch (outcome) {
            case NO_PAYMENT -> HandlerOutcome.awaiting("OrderPlaced " + event.subject());
            case IGNORED -> {
                LOG.infof("%s for order %s ignored: its payment is already past that step", event.type(), event.subject());
                yield HandlerOutcome.applied();
            }
            default -> HandlerOutcome.applied();
        };
    }
}
