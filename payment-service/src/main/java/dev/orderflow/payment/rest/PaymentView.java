package dev.orderflow.payment.rest;

import dev.orderflow.payment.domain.Payment;
import java.math.BigDecimal;
import java.time.Instant;

/** What {@code GET /payments?orderId=} returns. */
public record PaymentView(String paymentId, String orderId, String status, BigDecimal amount, String currency,
        String providerChargeId, String providerRefundId, String failureReason, String failureDetail,
        Instant createdAt, Instant updatedAt, Instant capturedAt, Instant refundedAt) {

    static PaymentView of(Payment p) {
        return new PaymentView(p.id.toString(), p.orderId.toString(), p.status.name(), p.amount, p.currency,
                p.providerChargeId, p.providerRefundId, p.failureReason == null ? null : p.failureReason.name(),
                p.failureDetail, p.createdAt, p.updatedAt, p.capturedAt, p.refundedAt);
    }
}
