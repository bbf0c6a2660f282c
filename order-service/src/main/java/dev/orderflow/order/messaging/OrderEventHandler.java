package dev.orderflow.order.messaging;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventTypes;
import dev.orderflow.messaging.failure.PermanentFailureException;
import dev.orderflow.messaging.consumer.EventHandler;
import dev.orderflow.messaging.consumer.HandlerOutcome;
import dev.orderflow.messaging.consumer.IncomingEvent;
import dev.orderflow.order.domain.OrderFact;
import dev.orderflow.order.domain.OrderNotFound;
import dev.orderflow.order.domain.OrderTransition;
import dev.orderflow.order.service.OrderService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * order-service follows the saga (docs/saga.md): each fact of another service is looked up in the
 * order's state table ({@code OrderStatus.verdictFor}) and applied, parked until the order catches
 * up, ignored, or refused to the dead-letter topic. Runs inside the inbox transaction; one consumer
 * name for all topics so a fact parked on one topic is released by a fact on another.
 */
@ApplicationScoped
public class OrderEventHandler implements EventHandler {
    static final String CONSUMER = "order-service";
    private static final Logger LOG = Logger.getLogger(OrderEventHandler.class);

    private static final Map<String, OrderFact> FACTS = Map.of(
            EventTypes.INVENTORY_RESERVED_V1, OrderFact.INVENTORY_RESERVED,
            EventTypes.INVENTORY_REJECTED_V1, OrderFact.INVENTORY_REJECTED,
            EventTypes.INVENTORY_RELEASED_V1, OrderFact.INVENTORY_RELEASED,
            EventTypes.PAYMENT_CAPTURED_V1, OrderFact.PAYMENT_CAPTURED,
            EventTypes.SHIPMENT_SCHEDULED_V1, OrderFact.SHIPMENT_SCHEDULED);

    private final OrderService orders;

    OrderEventHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public HandlerOutcome handle(IncomingEvent event) {
        OrderFact fact = FACTS.get(event.type());
        if (fact == null) {
            return HandlerOutcome.notHandled(); // other facts on these topics (and PaymentCaptured v2) do not move the order
        }
        UUID orderId = decodedOrderId(event);
        var cause = new OrderTransition.Cause(event.id(), event.type(), event.sequence());
        try {
            return switch (orders.follow(orderId, fact, cause)) {
                case APPLY -> HandlerOutcome.applied();
                case PARK -> HandlerOutcome.awaiting("order " + orderId + " to reach the step before " + fact.target);
                case IGNORE -> {
                    LOG.infof("%s for order %s ignored: the order is already past that step", event.type(), orderId);
                    yield HandlerOutcome.applied();
                }
                case REFUSE -> throw new PermanentFailureException(
                        event.type() + " contradicts the state of order " + orderId + " (" + fact + " refused)");
            };
        } catch (OrderNotFound unknown) {
            throw new PermanentFailureException(event.type() + " for an order this service never placed: " + orderId, unknown);
        }
    }

    /** Decodes the payload (checking it names the record's order); the key must be one of this service's order ids. */
    private static UUID decodedOrderId(IncomingEvent event) {
        event.payloadAs(EventCatalog.require(event.type()).recordClass(), "orderId");
        return event.subjectAsUuid();
    }
}
