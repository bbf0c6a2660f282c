package dev.orderflow.payment.domain;

import static dev.orderflow.payment.domain.PaymentStatus.CANCELLED;
import static dev.orderflow.payment.domain.PaymentStatus.CAPTURED;
import static dev.orderflow.payment.domain.PaymentStatus.FAILED;
import static dev.orderflow.payment.domain.PaymentStatus.PENDING;
import static dev.orderflow.payment.domain.PaymentStatus.REFUNDED;
import static dev.orderflow.statemachine.TransitionVerdict.APPLY;
import static dev.orderflow.statemachine.TransitionVerdict.IGNORE;
import static dev.orderflow.statemachine.TransitionVerdict.REFUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.statemachine.TransitionVerdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentStatusTest {

    /** The whole table, every (from, to) pair: what the saga allows, ignores and dead-letters. */
    private static final Map<PaymentStatus, Map<PaymentStatus, TransitionVerdict>> EXPECTED = new EnumMap<>(Map.of(
            PENDING, Map.of(PENDING, IGNORE, CAPTURED, APPLY, FAILED, APPLY, CANCELLED, APPLY, REFUNDED, REFUSE),
            CAPTURED, Map.of(PENDING, IGNORE, CAPTURED, IGNORE, FAILED, REFUSE, CANCELLED, REFUSE, REFUNDED, APPLY),
            FAILED, Map.of(PENDING, IGNORE, CAPTURED, IGNORE, FAILED, IGNORE, CANCELLED, IGNORE, REFUNDED, IGNORE),
            CANCELLED, Map.of(PENDING, IGNORE, CAPTURED, IGNORE, FAILED, IGNORE, CANCELLED, IGNORE, REFUNDED, IGNORE),
            REFUNDED, Map.of(PENDING, IGNORE, CAPTURED, IGNORE, FAILED, IGNORE, CANCELLED, IGNORE, REFUNDED, IGNORE)));

    @Test
    void everyTransitionIsAllowedIgnoredOrDeadLetteredExactlyAsTheTableSays() {
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                TransitionVerdict expected = EXPECTED.get(from).get(to);
                assertThat(from.verdictFor(to)).as("%s -> %s", from, to).isEqualTo(expected);
                assertThat(from.canMoveTo(to)).as("%s -> %s allowed", from, to).isEqualTo(expected == APPLY);
            }
        }
    }

    @Test
    void onlyPendingAndCapturedMoveEveryOtherStatusIsTerminal() {
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PaymentStatus::isTerminal))
                .containsExactlyInAnyOrder(FAILED, CANCELLED, REFUNDED);
    }

    @Test
    void captureThenRefundRecordsTheProviderIdsAndTimes() {
        Payment payment = pending();

        assertThat(payment.capture("ch_1", Instant.EPOCH.plusSeconds(1))).isTrue();
        assertThat(payment.refund("re_1", Instant.EPOCH.plusSeconds(2))).isTrue();

        assertThat(payment.status).isEqualTo(REFUNDED);
        assertThat(payment.providerChargeId).isEqualTo("ch_1");
        assertThat(payment.providerRefundId).isEqualTo("re_1");
        assertThat(payment.capturedAt).isEqualTo(Instant.EPOCH.plusSeconds(1));
        assertThat(payment.refundedAt).isEqualTo(Instant.EPOCH.plusSeconds(2));
        assertThat(payment.updatedAt).isEqualTo(Instant.EPOCH.plusSeconds(2));
    }

    @Test
    void ignoredTransitionChangesNothing() {
        Payment payment = pending();
        payment.cancel(Instant.EPOCH.plusSeconds(1));

        assertThat(payment.capture("ch_late", Instant.EPOCH.plusSeconds(5))).isFalse();
        assertThat(payment.status).isEqualTo(CANCELLED);
        assertThat(payment.providerChargeId).isNull();
        assertThat(payment.updatedAt).isEqualTo(Instant.EPOCH.plusSeconds(1));
    }

    @Test
    void deadLetteredTransitionIsRefusedAndChangesNothing() {
        Payment pending = pending();
        assertThatThrownBy(() -> pending.refund("re_x", Instant.EPOCH)).isInstanceOf(IllegalPaymentTransition.class)
                .hasMessageContaining("PENDING to REFUNDED");
        assertThat(pending.status).isEqualTo(PENDING);
        assertThat(pending.providerRefundId).isNull();

        Payment captured = pending();
        captured.capture("ch_1", Instant.EPOCH);
        assertThatThrownBy(() -> captured.cancel(Instant.EPOCH)).isInstanceOf(IllegalPaymentTransition.class)
                .hasMessageContaining("CAPTURED to CANCELLED");
        assertThat(captured.status).isEqualTo(CAPTURED);
    }

    @Test
    void aPaymentNeedsSomethingToChargeAndSomeoneToChargeIt() {
        UUID order = UUID.randomUUID();
        assertThatThrownBy(() -> Payment.pending(order, "c-1", new BigDecimal("0.00"), "EUR", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to charge");
        assertThatThrownBy(() -> Payment.pending(order, "c-1", BigDecimal.TEN, "eur", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Payment.pending(order, " ", BigDecimal.TEN, "EUR", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Payment.pending(order, "c-1", new BigDecimal("10"), "EUR", Instant.EPOCH).amount).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void idempotencyKeysAreDerivedFromTheOrder() {
        Payment payment = pending();
        assertThat(payment.captureKey()).isEqualTo("order-" + payment.orderId + "-capture");
        assertThat(payment.refundKey()).isEqualTo("order-" + payment.orderId + "-refund");
    }

    private static Payment pending() {
        return Payment.pending(UUID.randomUUID(), "c-1", new BigDecimal("10.00"), "EUR", Instant.EPOCH);
    }
}
