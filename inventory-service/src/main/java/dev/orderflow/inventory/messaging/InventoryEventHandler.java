package dev.orderflow.inventory.messaging;

import dev.orderflow.events.EventTypes;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.inventory.domain.IllegalReservationTransition;
import dev.orderflow.inventory.domain.ReleaseReason;
import dev.orderflow.inventory.service.ReservationOutcome;
import dev.orderflow.inventory.service.ReservationService;
import dev.orderflow.inventory.service.ReserveOrder;
import dev.orderflow.messaging.failure.PermanentFailureException;
import dev.orderflow.messaging.consumer.EventHandler;
import dev.orderflow.messaging.consumer.HandlerOutcome;
import dev.orderflow.messaging.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.avro.specific.SpecificRecord;
import org.jboss.logging.Logger;

/**
 * inventory-service's reaction to the saga, for all its topics (one consumer name, so the inbox
 * and parking are shared). Runs inside the inbox transaction:
 *
 * <ul>
 *   <li>{@code OrderPlaced} → reserve all lines or none → {@code InventoryReserved} | {@code InventoryRejected}
 *   <li>{@code PaymentFailed}, {@code ShipmentCancelled} → release → {@code InventoryReleased}. A customer's
 *       cancel request alone releases nothing: shipping-service settles the race between it and
 *       shipment, and only the cancellation's win ({@code ShipmentCancelled}) is compensated.
 *   <li>{@code ShipmentScheduled} → commit (reserved → shipped) → {@code InventoryCommitted}
 *   <li>every other type on these topics → not handled: skipped (the sequence moves on, a twin still applies)
 * </ul>
 *
 * An event for an order whose {@code OrderPlaced} is not applied yet (other topic) is parked; a
 * transition the reservation table dead-letters and an undecodable or invalid payload are
 * permanent failures.
 */
@ApplicationScoped
public class InventoryEventHandler implements EventHandler {
    static final String CONSUMER = "inventory-service";
    private static final String ORDER_ID = "orderId";
    private static final Logger LOG = Logger.getLogger(InventoryEventHandler.class);

    private final ReservationService reservations;

    InventoryEventHandler(ReservationService reservations) {
        this.reservations = reservations;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public HandlerOutcome handle(IncomingEvent event) {
        try {
            return switch (event.type()) {
                case EventTypes.ORDER_PLACED_V1 -> reserve(event.payloadAs(OrderPlaced.class, ORDER_ID));
                case EventTypes.PAYMENT_FAILED_V1 -> release(event, ReleaseReason.PAYMENT_FAILED);
                case EventTypes.SHIPMENT_CANCELLED_V1 -> release(event, ReleaseReason.ORDER_CANCELLED);
                case EventTypes.SHIPMENT_SCHEDULED_V1 -> {
                    event.payloadAs(dev.orderflow.events.shipping.v1.ShipmentScheduled.class, ORDER_ID);
                    yield outcome(event, reservations.commit(event.subject()));
                }
                default -> HandlerOutcome.notHandled();
            };
        } catch (IllegalReservationTransition refused) {
            throw new PermanentFailureException(refused.getMessage(), refused);
        }
    }

    private HandlerOutcome reserve(OrderPlaced placed) {
        ReserveOrder command;
        try {
            command = new ReserveOrder(placed.getOrderId(), placed.getLines().stream()
                    .map(line -> new ReserveOrder.Line(line.getSku(), line.getQuantity()))
                    .toList());
        } catch (IllegalArgumentException invalid) {
            throw new PermanentFailureException("OrderPlaced cannot be reserved: " + invalid.getMessage(), invalid);
        }
        ReservationOutcome outcome = reservations.reserve(command);
        if (outcome == ReservationOutcome.IGNORED) {
            LOG.infof("order %s is already decided; OrderPlaced ignored", placed.getOrderId());
        }
        return HandlerOutcome.applied();
    }

    private HandlerOutcome release(IncomingEvent event, ReleaseReason reason) {
        Class<? extends SpecificRecord> type = reason == ReleaseReason.PAYMENT_FAILED
                ? dev.orderflow.events.payment.v1.PaymentFailed.class
                : dev.orderflow.events.shipping.v1.ShipmentCancelled.class;
        event.payloadAs(type, ORDER_ID);
        return outcome(event, reservations.release(event.subject(), reason));
    }

    private static HandlerOutcome outcome(IncomingEvent event, ReservationOutcome outcome) {
        return switch (outcome) {
            case NO_RESERVATION -> HandlerOutcome.awaiting("OrderPlaced " + event.subject());
            case IGNORED -> {
                LOG.infof("%s for order %s ignored: its reservation is already past that step", event.type(), event.subject());
                yield HandlerOutcome.applied();
            }
            default -> HandlerOutcome.applied();
        };
    }
}
