package dev.orderflow.shipping.domain;

import dev.orderflow.statemachine.TransitionVerdict;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * What shipping-service knows of an order: where it ships to and whether it was scheduled or
 * cancelled. Its status changes only through {@link #moveTo}, which applies {@link ShippingStatus}'s
 * transition table; the row is locked while a decision is made.
 */
@Entity
@Table(name = "shipping_order")
public class ShippingOrder {
    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShippingStatus status;

    @Embedded
    public ShipTo shipTo;

    /** The customer's reason, once the cancellation won. */
    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    protected ShippingOrder() {}

    public static ShippingOrder awaitingPayment(UUID orderId, ShipTo shipTo, Instant now) {
        ShippingOrder order = new ShippingOrder();
        order.orderId = orderId;
        order.status = ShippingStatus.AWAITING_PAYMENT;
        order.shipTo = shipTo;
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    /**
     * A repeated {@code OrderPlaced} is harmless only if it says the same thing: an order's address
     * never changes, so another address is a contradiction, not an update.
     *
     * @throws ShippingContradiction when {@code placedAgain} differs from the remembered address
     */
    public void requireSameShipTo(ShipTo placedAgain) {
        if (!shipTo.equals(placedAgain)) {
            throw new ShippingContradiction("order " + orderId + " ships to " + shipTo + "; OrderPlaced now says " + placedAgain);
        }
    }

    /**
     * Moves to {@code target} if the table allows it.
     *
     * @return true when it moved; false when the transition is ignored (nothing changed)
     * @throws IllegalShippingTransition when it is dead-lettered (nothing changed)
     */
    public boolean moveTo(ShippingStatus target, Instant now) {
        TransitionVerdict verdict = status.verdictFor(target);
        if (verdict == TransitionVerdict.REFUSE) {
            throw new IllegalShippingTransition(orderId, status, target);
        }
        if (verdict == TransitionVerdict.IGNORE) {
            return false;
        }
        status = target;
        updatedAt = now;
        return true;
    }

    /** {@link #moveTo} CANCELLED, keeping the customer's reason when it moved. */
    public boolean cancel(String reason, Instant now) {
        if (!moveTo(ShippingStatus.CANCELLED, now)) {
            return false;
        }
        cancelReason = reason;
        return true;
    }
}
