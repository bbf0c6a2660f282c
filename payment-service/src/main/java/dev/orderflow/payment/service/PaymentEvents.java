package dev.orderflow.payment.service;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.payment.v1.Money;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import dev.orderflow.events.payment.v1.PaymentFailed;
import dev.orderflow.events.payment.v1.PaymentFailureReason;
import dev.orderflow.events.payment.v1.PaymentRefunded;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.payment.domain.Payment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Maps payments to the facts payment-service publishes on {@code payments.events} (key = order id). */
final class PaymentEvents {
    /** The aggregate is the order's payment; its id is the order id, the saga's key. */
    static final String AGGREGATE_TYPE = "Payment";

    private PaymentEvents() {}

    static OutboxEvent paymentCaptured(Payment payment) {
        var event = PaymentCaptured.newBuilder()
                .setOrderId(payment.orderId.toString())
                .setPaymentId(payment.id.toString())
                .setAmount(money(payment))
                .setIdempotencyKey(payment.captureKey())
                .setProviderChargeId(payment.providerChargeId)
                .setCapturedAt(payment.capturedAt)
                .build();
        return outboxEvent(payment, EventTypes.PAYMENT_CAPTURED_V1, AvroCodec.encode(event));
    }

    static OutboxEvent paymentFailed(Payment payment) {
        var event = PaymentFailed.newBuilder()
                .setOrderId(payment.orderId.toString())
                .setPaymentId(payment.id.toString())
                .setAmount(money(payment))
                .setReason(PaymentFailureReason.valueOf(payment.failureReason.name()))
                .setDetail(payment.failureDetail)
                .setFailedAt(payment.updatedAt)
                .build();
        return outboxEvent(payment, EventTypes.PAYMENT_FAILED_V1, AvroCodec.encode(event));
    }

    static OutboxEvent paymentRefunded(Payment payment) {
        var event = PaymentRefunded.newBuilder()
                .setOrderId(payment.orderId.toString())
                .setPaymentId(payment.id.toString())
                .setAmount(money(payment))
                .setProviderRefundId(payment.providerRefundId)
                .setRefundedAt(payment.refundedAt)
                .build();
        return outboxEvent(payment, EventTypes.PAYMENT_REFUNDED_V1, AvroCodec.encode(event));
    }

    private static Money money(Payment payment) {
        return Money.newBuilder().setAmount(payment.amount).setCurrency(payment.currency).build();
    }

    private static OutboxEvent outboxEvent(Payment payment, String type, byte[] payload) {
        return OutboxEvent.of(AGGREGATE_TYPE, payment.orderId.toString(), type, Topics.PAYMENTS, payload);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
