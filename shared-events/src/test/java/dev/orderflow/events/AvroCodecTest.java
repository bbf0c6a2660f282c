package dev.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.events.payment.v1.Money;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroCodecTest {

    @Test
    void everyEventRoundTripsThroughAvroBinary() {
        assertThat(SampleEvents.all()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(
                EventCatalog.all().stream().map(EventDescriptor::recordClass).toList());
        for (SpecificRecord event : SampleEvents.all()) {
            EventDescriptor<?> descriptor = EventCatalog.require(EventCatalog.typeOf(event));
            byte[] bytes = AvroCodec.encode(event);
            assertThat((Object) AvroCodec.decode(bytes, descriptor)).isEqualTo(event);
        }
    }

    @Test
    void moneyTravelsAsAnExactDecimal() {
        PaymentCaptured captured = SampleEvents.paymentCapturedV1("0.30", "EUR");
        PaymentCaptured decoded = AvroCodec.decode(AvroCodec.encode(captured), PaymentCaptured.class);
        assertThat(decoded.getAmount().getAmount()).isEqualTo(new BigDecimal("0.10").add(new BigDecimal("0.20")));
    }

    @Test
    void amountWithMoreDecimalsThanTheContractIsRefusedInsteadOfRounded() {
        PaymentCaptured captured = SampleEvents.paymentCapturedV1("0.30", "EUR");
        captured.setAmount(new Money(new BigDecimal("0.305"), "EUR"));
        assertThatThrownBy(() -> AvroCodec.encode(captured))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PaymentCaptured");
    }

    @Test
    void corruptPayloadIsRefusedAsUndecodableNotMisread() {
        byte[] good = AvroCodec.encode(SampleEvents.orderPlaced());
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        byte[] trailingGarbage = Arrays.copyOf(good, good.length + 3);
        // 5 bytes announcing a 1 GiB orderId; then 2 short strings and an array of 1 G lines.
        // Plain Avro allocates first and dies with OutOfMemoryError (surefire runs with -Xmx128m).
        byte[] hugeLength = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
        byte[] hugeCount = {0x02, 'a', 0x02, 'b', (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
        byte[] random = new byte[64];
        new Random(7).nextBytes(random);
        for (byte[] bad : new byte[][] {truncated, trailingGarbage, hugeLength, hugeCount, random, new byte[0], null}) {
            assertThatThrownBy(() -> AvroCodec.decode(bad, OrderPlaced.class)).isInstanceOf(UndecodablePayload.class);
        }
    }

    @Test
    void bytesOfAnotherEventAreRefusedRatherThanMisread() {
        byte[] shipment = AvroCodec.encode(SampleEvents.all().getLast());
        assertThatThrownBy(() -> AvroCodec.decode(shipment, PaymentCaptured.class))
                .isInstanceOf(UndecodablePayload.class);
    }
}
