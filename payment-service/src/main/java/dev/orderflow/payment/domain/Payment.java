package dev.orderflow.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One order's payment at the provider: at most one per order (unique order id). Created
 * {@code PENDING} from {@code OrderPlaced} with what a capture needs; its status changes only
 * through {@link PaymentStatus}'s transition table.
 */
@Entity
@Table(name = "payment")
public class Payment {
    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentStatus status;

    @Column(name = "provider_charge_id")
    public String providerChargeId;

    @Column(name = "provider_refund_id")
    public String providerRefundId;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_reason")
    public FailureReason failureReason;

    @Column(name = "failure_detail")
    public String failureDetail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "captured_at")
    public Instant capturedAt;

    @Column(name = "refunded_at")
    public Instant refundedAt;

    @Version
    public long version;

    protected Payment() {}

    public static Payment pending(UUID orderId, String customerId, BigDecimal amount, String currency, Instant now) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("order " + orderId + " has a total of " + amount + ": nothing to charge");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("order " + orderId + " has an invalid currency " + currency);
        }
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("order " + orderId + " has no customer");
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.orderId = orderId;
        payment.customerId = customerId;
        payment.amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        payment.currency = currency;
        payment.status = PaymentStatus.PENDING;
        payment.createdAt = now;
        payment.updatedAt = now;
        return payment;
    }

    /** The idempotency key of this order's capture: the same order always yields the same key. */
    public String captureKey() {
        return "order-" + orderId + "-capture";
    }

    /** The idempotency key of this order's refund. */
    public String refundKey() {
        return "order-" + orderId + "-refund";
    }

    public boolean capture(String chargeId, Instant now) {
        if (!moveTo(PaymentStatus.CAPTURED, now)) {
            return false;
        }
        providerChargeId = chargeId;
        capturedAt = now;
        return true;
    }

    public boolean fail(String chargeId, FailureReason reason, String detail, Instant now) {
        if (!moveTo(PaymentStatus.FAILED, now)) {
            return false;
        }
        providerChargeId = chargeId;
        failureReason = reason;
        failureDetail = detail;
        return true;
    }

    public boolean cancel(Instant now) {
        return moveTo(PaymentStatus.CANCELLED, now);
    }

    public boolean refund(String refundId, Instant now) {
        if (!moveTo(PaymentStatus.REFUNDED, now)) {
            return false;
        }
        providerRefundId = refundId;
        refundedAt = now;
        return true;
    }

    /**
     * Moves to {@code target} if the table allows it.
     *
     * @return true when it moved; false when the transition is ignored (nothing changed)
     * @throws IllegalPaymentTransition when it is dead-lettered (nothing changed)
     */
    public boolean moveTo(PaymentStatus target, Instant now) {
        switch (status.verdictFor(target)) {
            case APPLY -> {
                status = target;
                updatedAt = now;
                return true;
            }
            case IGNORE -> {
                return false;
            }
            default -> throw new IllegalPaymentTransition(orderId, status, target);
        }
    }
}
