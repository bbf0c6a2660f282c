package dev.orderflow.events.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.SampleEvents;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PaymentCapturedV2ToV1Test {

    @Test
    void v1OnlyConsumerIsServedFromAV2Event() {
        byte[] v2Bytes = AvroCodec.encode(SampleEvents.paymentCapturedV2(3979, "EUR"));

        // a consumer that knows v1 only: decode v2 by its ce_type, adapt, then handle it as v1
        var v2 = AvroCodec.decode(v2Bytes, EventCatalog.require(EventTypes.PAYMENT_CAPTURED_V2));
        PaymentCaptured v1 = PaymentCapturedV2ToV1.adapt((dev.orderflow.events.payment.v2.PaymentCaptured) v2);

        assertThat(v1).isEqualTo(SampleEvents.paymentCapturedV1("39.79", "EUR"));
        assertThat(AvroCodec.decode(AvroCodec.encode(v1), PaymentCaptured.class)).isEqualTo(v1);
    }

    @Test
    void minorUnitsBecomeAnExactTwoDecimalAmount() {
        assertThat(amountInV1(1234, "EUR")).isEqualTo("12.34");
        assertThat(amountInV1(1, "EUR")).isEqualTo("0.01");
        assertThat(amountInV1(0, "EUR")).isEqualTo("0.00");
        assertThat(amountInV1(500, "JPY")).isEqualTo("500.00");
        assertThat(amountInV1(1230, "KWD")).isEqualTo("1.23"); // 1.230 dinar: exact at two decimals
        assertThat(amountInV1(9_999_999_999_99L, "USD")).isEqualTo("9999999999.99"); // v1's largest amount
    }

    @Test
    void amountThatV1CannotCarryExactlyIsRefusedNotRounded() {
        assertThatThrownBy(() -> amountInV1(1234, "BHD"))
                .isInstanceOf(EventNotAdaptable.class)
                .hasMessageContaining("1.234 BHD");
        assertThatThrownBy(() -> amountInV1(1_000_000_000_000L, "EUR"))
                .isInstanceOf(EventNotAdaptable.class)
                .hasMessageContaining("10000000000.00 EUR");
        assertThatThrownBy(() -> amountInV1(Long.MAX_VALUE, "EUR")).isInstanceOf(EventNotAdaptable.class);
    }

    @Test
    void unknownCurrencyIsRefused() {
        assertThatThrownBy(() -> amountInV1(100, "EURO")).isInstanceOf(EventNotAdaptable.class);
        assertThatThrownBy(() -> amountInV1(100, "XAU")).isInstanceOf(EventNotAdaptable.class);
    }

    @Test
    void v1AdaptedToV2AndBackIsTheSameEvent() {
        PaymentCaptured v1 = SampleEvents.paymentCapturedV1("39.79", "EUR");
        var v2 = PaymentCapturedV1ToV2.adapt(v1);
        assertThat(v2).isEqualTo(SampleEvents.paymentCapturedV2(3979, "EUR"));
        assertThat(PaymentCapturedV2ToV1.adapt(v2)).isEqualTo(v1);
    }

    @Test
    void v1AmountWithAFractionOfTheMinorUnitIsRefusedByV1ToV2() {
        assertThat(PaymentCapturedV1ToV2.adapt(SampleEvents.paymentCapturedV1("500.00", "JPY"))
                        .getAmount()
                        .getAmountMinor())
                .isEqualTo(500);
        assertThatThrownBy(() -> PaymentCapturedV1ToV2.adapt(SampleEvents.paymentCapturedV1("500.50", "JPY")))
                .isInstanceOf(EventNotAdaptable.class)
                .hasMessageContaining("500.50 JPY");
    }

    private static String amountInV1(long amountMinor, String currency) {
        BigDecimal amount = PaymentCapturedV2ToV1.adapt(SampleEvents.paymentCapturedV2(amountMinor, currency))
                .getAmount()
                .getAmount();
        return amount.toPlainString();
    }
}
