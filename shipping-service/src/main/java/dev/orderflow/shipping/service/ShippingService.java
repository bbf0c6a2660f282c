package dev.orderflow.shipping.service;

import dev.orderflow.messaging.outbox.Outbox;
import dev.orderflow.shipping.domain.ShipTo;
import dev.orderflow.shipping.domain.Shipment;
import dev.orderflow.shipping.domain.ShippingOrder;
import dev.orderflow.shipping.domain.ShippingOrderNotFound;
import dev.orderflow.shipping.domain.ShippingStatus;
import dev.orderflow.shipping.persistence.ShipmentRepository;
import dev.orderflow.shipping.persistence.ShippingOrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The saga's shipping steps, where a customer's cancellation and the shipment race. Each runs in
 * the caller's transaction (the inbox's, when an event triggers it) and appends the resulting fact
 * to the outbox: all of it commits together or not at all.
 *
 * <p>{@link #schedule} and {@link #cancel} both lock the order's row first, so for one order they
 * run one after the other, whichever channel delivered them: the first decides, the second finds
 * the order decided and is ignored. Shipping is the only irreversible act, which is why this is the
 * one place the race is settled (docs/saga.md).
 */
@ApplicationScoped
public class ShippingService {
    private static final Logger LOG = Logger.getLogger(ShippingService.class);

    private final ShippingOrderRepository orders;
    private final ShipmentRepository shipments;
    private final Outbox outbox;

    ShippingService(ShippingOrderRepository orders, ShipmentRepository shipments, Outbox outbox) {
        this.orders = orders;
        this.shipments = shipments;
        this.outbox = outbox;
    }

    /**
     * {@code OrderPlaced}: remembers where the order ships to, awaiting payment. A repeat with the
     * same address is ignored; another address throws {@code ShippingContradiction}.
     */
    @Transactional
    public ShippingOutcome remember(UUID orderId, ShipTo shipTo) {
        Optional<ShippingOrder> known = orders.lock(orderId);
        if (known.isPresent()) {
            known.get().requireSameShipTo(shipTo);
            LOG.infof("order %s: OrderPlaced repeated, already %s", orderId, known.get().status);
            return ShippingOutcome.IGNORED;
        }
        orders.persist(ShippingOrder.awaitingPayment(orderId, shipTo, ShippingEvents.now()));
        return ShippingOutcome.REMEMBERED;
    }

    /**
     * {@code PaymentCaptured}: schedules the order's one shipment and publishes
     * {@code ShipmentScheduled}, if the order still awaits payment. Already scheduled (a duplicate)
     * or cancelled (payment refunds on {@code ShipmentCancelled}): nothing happens.
     */
    @Transactional
    public ShippingOutcome schedule(UUID orderId) {
        return decide(orderId, order -> {
            if (!order.moveTo(ShippingStatus.SCHEDULED, ShippingEvents.now())) {
                LOG.infof("order %s: payment captured while %s, nothing to schedule", orderId, order.status);
                return ShippingOutcome.IGNORED;
            }
            Shipment shipment = Shipment.scheduledFor(order, order.updatedAt);
            shipments.persist(shipment);
            outbox.append(ShippingEvents.shipmentScheduled(shipment));
            return ShippingOutcome.SCHEDULED;
        });
    }

    /**
     * {@code OrderCancellationRequested}: if the order still awaits payment, it will never ship:
     * publishes {@code ShipmentCancelled}, which inventory and payment compensate on. Once
     * scheduled, the cancellation lost the race and changes nothing.
     */
    @Transactional
    public ShippingOutcome cancel(UUID orderId, String reason) {
        return decide(orderId, order -> {
            if (!order.cancel(reason, ShippingEvents.now())) {
                LOG.infof(order.status == ShippingStatus.SCHEDULED
                        ? "order %s: the cancellation lost the race, the shipment is already %s"
                        : "order %s: cancellation requested again, already %s", orderId, order.status);
                return ShippingOutcome.IGNORED;
            }
            outbox.append(ShippingEvents.shipmentCancelled(order));
            return ShippingOutcome.CANCELLED;
        });
    }

    /** Every decision starts by locking the order's row: that is what serialises a capture racing a cancellation. */
    private ShippingOutcome decide(UUID orderId, Function<ShippingOrder, ShippingOutcome> decision) {
        return orders.lock(orderId).map(decision).orElse(ShippingOutcome.UNKNOWN_ORDER);
    }

    /** The order as shipping knows it, with its shipment if one was scheduled. */
    @Transactional
    public ShippingState stateOf(UUID orderId) {
        ShippingOrder order = orders.findByIdOptional(orderId).orElseThrow(() -> new ShippingOrderNotFound(orderId));
        return new ShippingState(order, shipments.findByOrder(orderId));
    }

    /** An order and its shipment (none unless {@code SCHEDULED}). */
    public record ShippingState(ShippingOrder order, Optional<Shipment> shipment) {}
}
