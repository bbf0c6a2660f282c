package dev.orderflow.events.adapters;

import dev.orderflow.events.payment.v2.Money;
import dev.orderflow.events.payment.v2.PaymentCaptured;

/**
 * Translates {@code PaymentCaptured} v1 to v2, for a consumer that has moved to v2 first and
 * still receives v1 (from a producer not yet upgraded, or replayed from the topic).
 *
 * <p>Pure and exact: 12.34 EUR → 1234; 500.00 JPY → 500; 500.50 JPY is refused with
 * {@link EventNotAdaptable} (yen have no minor unit), never rounded.
 */
public final class PaymentCapturedV1ToV2 {

    public static PaymentCaptured adapt(dev.orderflow.events.payment.v1.PaymentCaptured v1) {
        return PaymentCaptured.newBuilder()
                .setOrderId(v1.getOrderId())
                .setPaymentId(v1.getPaymentId())
                .setAmount(money(v1.getAmount()))
                .setIdempotencyKey(v1.getIdempotencyKey())
                .setProviderChargeId(v1.getProviderChargeId())
                .setCapturedAt(v1.getCapturedAt())
                .build();
    }

    static Money money(dev.orderflow.events.payment.v1.Money v1) {
        return Money.newBuilder()
                .setAmountMinor(MinorUnits.toMinorUnits(v1.getAmount(), v1.getCurrency()))
                .setCurrency(v1.getCurrency())
                .build();
    }

    private PaymentCapturedV1ToV2() {}
}
