package dev.orderflow.events.adapters;

import dev.orderflow.events.payment.v1.Money;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Translates {@code PaymentCaptured} v2 (amount in minor units) to v1 (decimal amount, scale 2,
 * precision 12), so a consumer that only knows v1 keeps working while v2 rolls out, and so a
 * producer can publish both versions from one v2 event during the migration.
 *
 * <p>Pure and exact: 1234 EUR minor units → 12.34; 500 JPY → 500.00; an amount v1 cannot carry
 * exactly (1.234 BHD needs 3 decimals; more than 10 integer digits) is refused with
 * {@link EventNotAdaptable}, never rounded: a wrong amount is worse than a dead letter.
 */
public final class PaymentCapturedV2ToV1 {

    /** v1's {@code Money.amount}: decimal(12, 2). */
    static final int V1_SCALE = 2;

    static final int V1_PRECISION = 12;

    public static PaymentCaptured adapt(dev.orderflow.events.payment.v2.PaymentCaptured v2) {
        return PaymentCaptured.newBuilder()
                .setOrderId(v2.getOrderId())
                .setPaymentId(v2.getPaymentId())
                .setAmount(money(v2.getAmount()))
                .setIdempotencyKey(v2.getIdempotencyKey())
                .setProviderChargeId(v2.getProviderChargeId())
                .setCapturedAt(v2.getCapturedAt())
                .build();
    }

    static Money money(dev.orderflow.events.payment.v2.Money v2) {
        BigDecimal major = MinorUnits.toMajorUnits(v2.getAmountMinor(), v2.getCurrency());
        BigDecimal amount;
        try {
            amount = major.setScale(V1_SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new EventNotAdaptable(major.toPlainString() + " " + v2.getCurrency()
                    + " needs more than " + V1_SCALE + " decimals: PaymentCaptured v1 cannot carry it", e);
        }
        if (amount.precision() > V1_PRECISION) {
            throw new EventNotAdaptable(amount.toPlainString() + " " + v2.getCurrency()
                    + " exceeds " + V1_PRECISION + " digits: PaymentCaptured v1 cannot carry it");
        }
        return Money.newBuilder().setAmount(amount).setCurrency(v2.getCurrency()).build();
    }

    private PaymentCapturedV2ToV1() {}
}
